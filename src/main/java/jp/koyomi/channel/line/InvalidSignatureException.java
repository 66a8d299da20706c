package jp.koyomi.channel.line;

/** A webhook request whose X-Line-Signature does not match its body: not from LINE, answer 401. */
public class InvalidSignatureException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureException() {
        super("X-Line-Signature does not match the request body");
    }
}
