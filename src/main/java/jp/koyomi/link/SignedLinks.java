package jp.koyomi.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jp.koyomi.domain.Channel;

/**
 * Builds and verifies the open links of Koyomi:
 * {@code <base>/unsubscribe/<token>} and {@code <base>/click/<token>}.
 * <p>
 * Each token starts with a purpose byte under the signature, so a click token can never be
 * replayed as an unsubscribe token or the other way round. Links signed with a previous key
 * ({@link LinkSettings#previousSecrets}) still verify. Thread-safe.
 */
public final class SignedLinks {

    /** Path segment of unsubscribe links, below the public base URL. */
    public static final String UNSUBSCRIBE_PATH = "unsubscribe";
    /** Path segment of click links, below the public base URL. */
    public static final String CLICK_PATH = "click";

    private static final byte UNSUBSCRIBE = 'U';
    private static final byte CLICK = 'C';
    // Browsers and mail clients cope badly with longer URLs; a target this long is a template bug.
    private static final int MAX_TARGET_LENGTH = 2_000;

    private final String base;
    private final TokenSigner signer;
    private final Clock clock;

    public SignedLinks(LinkSettings settings, Clock clock) {
        String url = settings.publicBaseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.signer = new TokenSigner(settings.secret().getBytes(StandardCharsets.UTF_8),
                settings.previousSecrets().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public URI unsubscribeUrl(long customerId, Channel channel) {
        return URI.create(base + "/" + UNSUBSCRIBE_PATH + "/" + unsubscribeToken(customerId, channel));
    }

    /** The bare token of {@link #unsubscribeUrl}, e.g. for a mailto subject or a confirmation form. */
    public String unsubscribeToken(long customerId, Channel channel) {
        Objects.requireNonNull(channel, "channel");
        return signer.sign(payload(out -> {
            out.writeByte(UNSUBSCRIBE);
            out.writeLong(customerId);
            out.writeUTF(channel.name());
            out.writeLong(clock.instant().getEpochSecond());
        }));
    }

    /** A tracked link to {@code target}, which must be an absolute http(s) URL. */
    public URI clickUrl(long deliveryId, URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!target.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("click target must be an absolute http(s) URL: " + target);
        }
        String text = target.toString();
        if (text.length() > MAX_TARGET_LENGTH) {
            throw new IllegalArgumentException("click target longer than " + MAX_TARGET_LENGTH + " characters");
        }
        String token = signer.sign(payload(out -> {
            out.writeByte(CLICK);
            out.writeLong(deliveryId);
            out.writeUTF(text);
        }));
        return URI.create(base + "/" + CLICK_PATH + "/" + token);
    }

    /**
     * The token's content if it was made by {@link #unsubscribeToken} with this or a previous secret;
     * empty if forged or altered.
     */
    public Optional<UnsubscribeToken> verifyUnsubscribe(String token) {
        return signer.verify(token).flatMap(bytes -> read(bytes, in -> {
            if (in.readByte() != UNSUBSCRIBE) {
                return null;
            }
            long customerId = in.readLong();
            Channel channel = Channel.valueOf(in.readUTF());
            return new UnsubscribeToken(customerId, channel, Instant.ofEpochSecond(in.readLong()));
        }));
    }

    /**
     * The token's content if it was made by {@link #clickUrl} with this or a previous secret; empty if
     * forged or altered.
     */
    public Optional<ClickToken> verifyClick(String token) {
        return signer.verify(token).flatMap(bytes -> read(bytes, in -> {
            if (in.readByte() != CLICK) {
                return null;
            }
            long deliveryId = in.readLong();
            return new ClickToken(deliveryId, URI.create(in.readUTF()));
        }));
    }

    @Override
    public String toString() {
        return "SignedLinks[" + base + "]";
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] payload(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        return bytes.toByteArray();
    }

    private static <T> Optional<T> read(byte[] payload, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            T value = reader.read(in);
            // A signed payload with trailing bytes was not made by this class: refuse it.
            return in.available() == 0 ? Optional.ofNullable(value) : Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
