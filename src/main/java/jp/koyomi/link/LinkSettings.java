package jp.koyomi.link;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Where links point and the keys that sign them.
 *
 * @param publicBaseUrl   the address customers reach Koyomi at, e.g. {@code https://mail.example.jp/}
 * @param secret          HMAC key of new links, at least 32 bytes of UTF-8
 * @param previousSecrets keys of links already sent that still verify after a rotation, each 32+ bytes
 */
public record LinkSettings(URI publicBaseUrl, String secret, List<String> previousSecrets) {

    public LinkSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(secret, "secret");
        if (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute URL with a host: " + publicBaseUrl);
        }
        requireLongEnough(secret, "link secret");
        previousSecrets = List.copyOf(previousSecrets);
        for (String previous : previousSecrets) {
            requireLongEnough(previous, "each previous link secret");
        }
    }

    /** Settings with one key and no rotation. */
    public LinkSettings(URI publicBaseUrl, String secret) {
        this(publicBaseUrl, secret, List.of());
    }

    private static void requireLongEnough(String secret, String what) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException(what + " must be at least 32 bytes");
        }
    }

    /** Keeps the secrets out of logs and exception messages. */
    @Override
    public String toString() {
        return "LinkSettings[publicBaseUrl=" + publicBaseUrl + ", secret=***, previousSecrets=" + previousSecrets.size()
                + "]";
    }
}
