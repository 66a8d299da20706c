package jp.koyomi.common;

import java.util.List;

/**
 * A refusal the caller can act on. Each subclass fixes its HTTP status; the one
 * {@link ProblemMapper} turns it into problem+json.
 */
public abstract class KoyomiException extends RuntimeException {

    private final List<FieldError> errors;

    protected KoyomiException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public abstract int status();

    public abstract String title();
}
