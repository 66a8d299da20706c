package jp.koyomi.common;

import java.util.List;

/** Input that cannot be accepted as it is (400): every error names what and where. */
public class InvalidInputException extends KoyomiException {

    public InvalidInputException(String message, List<FieldError> errors) {
        super(message, errors);
    }

    public InvalidInputException(String field, String message) {
        this(message, List.of(FieldError.ofField(field, message)));
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid input";
    }
}
