package jp.koyomi.common;

import java.util.List;

/** The request is well-formed but the current state refuses it (409), e.g. running an unapproved campaign. */
public class ConflictException extends KoyomiException {

    public ConflictException(String message) {
        super(message, List.of());
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
