package jp.koyomi.channel.email;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose headers are final and whose body is already encoded bytes, written out as
 * they are. It reads like any message (getSubject, getContent parse on demand) but is not meant
 * to be changed after {@link EmailMessageBuilder} made it.
 */
final class PreparedMimeMessage extends MimeMessage {

    PreparedMimeMessage(Session session, byte[] encodedBody) {
        super(session);
        this.content = encodedBody;
    }

    /**
     * Every header was set when the message was built. The inherited version would parse the body
     * back into parts, re-encode them and replace our stable Message-ID with a random one.
     */
    @Override
    protected void updateHeaders() {
        // nothing to update
    }
}
