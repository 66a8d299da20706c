package jp.koyomi.channel.line;

/** A correctly signed webhook body that is not a LINE callback: answer 400. */
public class MalformedWebhookException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
