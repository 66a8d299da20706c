package jp.koyomi.channel.email;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Header values written by hand instead of through {@code MimeUtility}: Jakarta Mail looks up its
 * StreamProvider for every encoded header, which dominated the cost of building a message.
 */
final class HeaderText {

    private static final String WORD_START = "=?UTF-8?B?";
    private static final String WORD_END = "?=";
    // 39 bytes -> 52 base64 characters -> a 64-character encoded-word, so "Subject: " plus one word
    // stays within the 78 characters RFC 5322 recommends; RFC 2047 caps a word at 75.
    private static final int MAX_WORD_BYTES = 39;
    private static final String FOLD = "\r\n ";

    private HeaderText() {
    }

    /**
     * Refuses values that could end the header early and smuggle in new headers or a body.
     * All control characters but TAB are refused, CR and LF being the ones that matter.
     */
    static String requireSingleLine(String header, String value) throws EmailRejectedException {
        if (value == null) {
            throw new EmailRejectedException(header + " is missing");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && Character.isISOControl(c)) {
                throw new EmailRejectedException(header + " contains a control character (CR, LF or similar) at index " + i);
            }
        }
        return value;
    }

    /** An unstructured value (Subject): as it is when plain ASCII, else UTF-8 B encoded-words. */
    static String unstructured(String header, String value) throws EmailRejectedException {
        requireSingleLine(header, value);
        return isPlainAscii(value) && !value.contains("=?") ? value : encodedWords(value);
    }

    /** {@code display name <address>}, the name quoted or encoded as needed; just the address without a name. */
    static String mailbox(String header, String displayName, String address) throws EmailRejectedException {
        String addr = address(header, address);
        if (displayName == null || displayName.isBlank()) {
            return addr;
        }
        requireSingleLine(header, displayName);
        String phrase = isPlainAscii(displayName) && !displayName.contains("=?")
                ? quoted(displayName)
                : encodedWords(displayName);
        return phrase + " <" + addr + ">";
    }

    /** A bare ASCII addr-spec, strictly parsed: internationalised addresses need SMTPUTF8, which Koyomi does not use. */
    static String address(String header, String address) throws EmailRejectedException {
        requireSingleLine(header, address);
        String trimmed = address.trim();
        if (!isPlainAscii(trimmed)) {
            throw new EmailRejectedException(header + " address must be ASCII: " + trimmed);
        }
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            if (!trimmed.equals(parsed.getAddress()) || trimmed.indexOf('@') < 1) {
                throw new EmailRejectedException(header + " is not a single plain address: " + trimmed);
            }
            return trimmed;
        } catch (AddressException e) {
            throw new EmailRejectedException(header + " is not a valid address: " + trimmed);
        }
    }

    static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** RFC 2047 B encoding, split on code point boundaries so no word carries half a character. */
    static String encodedWords(String value) {
        Base64.Encoder base64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder(value.length() * 3);
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int pos = 0;
        while (pos < utf8.length) {
            int charLength = utf8CharLength(utf8[pos]);
            if (pos + charLength - start > MAX_WORD_BYTES) {
                appendWord(out, base64, utf8, start, pos);
                start = pos;
            }
            pos += charLength;
        }
        appendWord(out, base64, utf8, start, utf8.length);
        return out.toString();
    }

    private static void appendWord(StringBuilder out, Base64.Encoder base64, byte[] utf8, int from, int to) {
        if (out.length() > 0) {
            out.append(FOLD);
        }
        byte[] chunk = Arrays.copyOfRange(utf8, from, to);
        out.append(WORD_START).append(base64.encodeToString(chunk)).append(WORD_END);
    }

    private static int utf8CharLength(byte lead) {
        int b = lead & 0xff;
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xf0) {
            return 4;
        }
        return b >= 0xe0 ? 3 : 2;
    }

    private static String quoted(String phrase) {
        StringBuilder out = new StringBuilder(phrase.length() + 2).append('"');
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
