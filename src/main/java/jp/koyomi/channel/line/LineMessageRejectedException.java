package jp.koyomi.channel.line;

/** A LINE push that breaks LINE's rules or cannot be expressed faithfully; sending it again cannot help. */
public class LineMessageRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public LineMessageRejectedException(String reason) {
        super(reason);
    }
}
