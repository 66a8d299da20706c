package jp.koyomi.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that refuses bytes which are not UTF-8 (a Shift_JIS export) instead of turning them into
 * U+FFFD in names and addresses. Unlike an {@code InputStreamReader} with a reporting decoder, it
 * first hands over the good text before the bad bytes, so the parser reaches the row that holds
 * them and the error can name it.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean endOfInput;
    private CharacterCodingException bad;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            if (bad != null) {
                throw bad;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                try {
                    result.throwException();
                } catch (CharacterCodingException e) {
                    bad = e; // thrown at the next read, once the text before it is consumed
                }
            } else if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(out);
                    return out.position() == offset ? -1 : out.position() - offset;
                }
                fill();
            }
        }
        return out.position() - offset;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
