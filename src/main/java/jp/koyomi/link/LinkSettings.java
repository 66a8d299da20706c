package jp.koyomi.link;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where links point and the key that signs them.
 *
 * @param publicBaseUrl the address customers reach Koyomi at, e.g. {@code https://mail.example.jp/}
 * @param secret        HMAC key, at least 32 bytes of UTF-8; rotating it invalidates every link sent before
 */
public record LinkSettings(URI publicBaseUrl, String secret) {

    public LinkSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(secret, "secret");
        if (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute URL with a host: " + publicBaseUrl);
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("link secret must be at least 32 bytes");
        }
    }

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "LinkSettings[publicBaseUrl=" + publicBaseUrl + ", secret=***]";
    }
}
