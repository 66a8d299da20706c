package jp.koyomi.common;

import java.util.List;

/** The named thing does not exist (404). */
public class NotFoundException extends KoyomiException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist", List.of());
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
