package jp.koyomi.imports;

import java.util.ArrayList;
import java.util.List;

import jp.koyomi.common.FieldError;

/** The errors of one import, capped so a wholly wrong file cannot flood the response. */
public final class ImportErrors {

    static final int MAX_REPORTED = 1000;

    private final List<FieldError> errors = new ArrayList<>();
    private int total;

    public void add(int row, String field, String message) {
        total++;
        if (errors.size() < MAX_REPORTED) {
            errors.add(FieldError.atRow(row, field, message));
        }
    }

    public boolean any() {
        return total > 0;
    }

    public boolean full() {
        return total >= MAX_REPORTED;
    }

    public int total() {
        return total;
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }
}
