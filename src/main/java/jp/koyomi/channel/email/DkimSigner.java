package jp.koyomi.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * DKIM (RFC 6376) signing, rsa-sha256 with relaxed/relaxed canonicalisation, of the messages
 * Koyomi prepares. The signature covers both List-Unsubscribe headers, as RFC 8058 requires for
 * one-click unsubscribe; those and From/Subject are over-signed, so nobody can add a second one.
 */
final class DkimSigner {

    private static final String[] SIGNED = {"from", "from", "to", "subject", "subject", "date", "message-id",
        "mime-version", "content-type", "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe",
        "list-unsubscribe-post", "list-unsubscribe-post"};

    // The same list folded over lines of at most 78 characters (FWS is allowed around the colons).
    private static final String H_TAG = String.join(":", Arrays.copyOfRange(SIGNED, 0, 7)) + ":\r\n "
            + String.join(":", Arrays.copyOfRange(SIGNED, 7, 11)) + ":\r\n "
            + String.join(":", Arrays.copyOfRange(SIGNED, 11, SIGNED.length));

    private final DkimSettings settings;

    DkimSigner(DkimSettings settings) {
        this.settings = settings;
    }

    /** Adds the DKIM-Signature header to a message whose other headers are final. */
    void sign(MimeMessage message, byte[] body, Instant now) throws MessagingException {
        String unsigned = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + settings.domain()
                + ";\r\n s=" + settings.selector() + "; t=" + now.getEpochSecond() + ";\r\n h=" + H_TAG
                + ";\r\n bh=" + Base64.getEncoder().encodeToString(sha256(relaxedBody(body))) + ";\r\n b=";
        StringBuilder signedData = new StringBuilder(1024);
        Map<String, Integer> used = new HashMap<>();
        for (String name : SIGNED) {
            String[] values = message.getHeader(name);
            // Repeated names take instances from the bottom up; an absent one adds nothing (RFC 6376 5.4.2).
            int seen = used.merge(name, 1, Integer::sum) - 1;
            if (values != null && seen < values.length) {
                signedData.append(relaxedHeader(name, values[values.length - 1 - seen])).append("\r\n");
            }
        }
        signedData.append(relaxedHeader("DKIM-Signature", unsigned));
        String signature = Base64.getEncoder().encodeToString(rsaSha256(signedData.toString()));
        message.addHeader("DKIM-Signature", unsigned + fold(signature));
    }

    private byte[] rsaSha256(String data) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(settings.privateKey());
            rsa.update(data.getBytes(StandardCharsets.US_ASCII));
            return rsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DKIM signing failed", e);
        }
    }

    /** Lower-case name, unfolded value with runs of white space as one space, trimmed. */
    static String relaxedHeader(String name, String value) {
        String unfolded = value.replace("\r\n", "");
        return name.toLowerCase(Locale.ROOT).strip() + ":" + unfolded.replaceAll("[ \t]+", " ").strip();
    }

    /** Runs of white space as one space, none at line ends, no empty lines at the end, CRLF last. */
    static byte[] relaxedBody(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int emptyLines = 0;
        int i = 0;
        while (i < body.length) {
            int end = i;
            while (end < body.length && !(body[end] == '\r' && end + 1 < body.length && body[end + 1] == '\n')) {
                end++;
            }
            line.reset();
            boolean space = false;
            for (int j = i; j < end; j++) {
                byte b = body[j];
                if (b == ' ' || b == '\t') {
                    space = true;
                } else {
                    if (space) {
                        line.write(' ');
                        space = false;
                    }
                    line.write(b);
                }
            }
            if (line.size() == 0) {
                emptyLines++;
            } else {
                for (; emptyLines > 0; emptyLines--) {
                    out.write('\r');
                    out.write('\n');
                }
                out.writeBytes(line.toByteArray());
                out.write('\r');
                out.write('\n');
            }
            i = end + 2;
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String fold(String base64) {
        StringBuilder out = new StringBuilder(base64.length() + base64.length() / 70 * 3);
        for (int i = 0; i < base64.length(); i += 72) {
            if (i > 0) {
                out.append("\r\n ");
            }
            out.append(base64, i, Math.min(base64.length(), i + 72));
        }
        return out.toString();
    }
}
