package jp.koyomi.channel.email;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose headers are final and whose body is already encoded bytes, written out as
 * they are. It reads like any message (getSubject, getContent parse on demand) but is not meant
 * to be changed after {@link EmailMessageBuilder} made it.
 */
final class PreparedMimeMessage extends MimeMessage {

    private static final byte[] CRLF = {'\r', '\n'};

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

    /**
     * Writes the header lines and the prepared body straight to the stream. The inherited version
     * first looks up a StreamProvider for its line writer, which without the
     * {@code jakarta.mail.util.StreamProvider} system property is a ServiceLoader scan per message
     * and cost two thirds of the time of building and writing one.
     */
    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        Enumeration<String> lines = getNonMatchingHeaderLines(ignoreList);
        while (lines.hasMoreElements()) {
            // Built from ASCII only (non-ASCII is B-encoded); UTF-8 keeps anything added later intact.
            os.write(lines.nextElement().getBytes(StandardCharsets.UTF_8));
            os.write(CRLF);
        }
        os.write(CRLF);
        os.write(content);
        os.flush();
    }
}
