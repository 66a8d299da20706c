package jp.koyomi.imports;

import java.util.List;

import jp.koyomi.common.FieldError;
import jp.koyomi.common.InvalidInputException;

/** An import with at least one bad row: nothing of it was stored. */
public class ImportRejectedException extends InvalidInputException {

    public ImportRejectedException(String what, int total, List<FieldError> errors) {
        super(what + " import rejected: " + total + (total == 1 ? " error" : " errors")
                + (total > errors.size() ? " (the first " + errors.size() + " listed)" : "")
                + "; nothing was stored", errors);
    }
}
