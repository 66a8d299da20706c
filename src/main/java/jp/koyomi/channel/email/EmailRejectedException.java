package jp.koyomi.channel.email;

/** A rendered email or its recipient that Koyomi must not send as it is; retrying cannot help. */
public class EmailRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public EmailRejectedException(String reason) {
        super(reason);
    }
}
