package jp.koyomi.channel.line;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the LINE Messaging API.
 *
 * @param apiBaseUrl         {@code https://api.line.me} in production, a stub's address in tests
 * @param channelAccessToken the channel's long-lived token; never logged
 * @param maxConnections     concurrent requests to the API (the SDK's default of 5 caps throughput)
 */
public record LineSettings(URI apiBaseUrl, String channelAccessToken, Duration connectTimeout, Duration readTimeout,
        int maxConnections) {

    /** LINE's production API. */
    public static final URI LINE_API = URI.create("https://api.line.me");

    public LineSettings {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(channelAccessToken, "channelAccessToken");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (channelAccessToken.isBlank()) {
            throw new IllegalArgumentException("channelAccessToken must not be blank");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
    }

    /** Production API, 10 s to connect, 30 s to answer, 32 requests in flight. */
    public static LineSettings of(String channelAccessToken) {
        return new LineSettings(LINE_API, channelAccessToken, Duration.ofSeconds(10), Duration.ofSeconds(30), 32);
    }

    /** Keeps the token out of logs and exception messages. */
    @Override
    public String toString() {
        return "LineSettings[apiBaseUrl=" + apiBaseUrl + ", channelAccessToken=***, connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxConnections=" + maxConnections + "]";
    }
}
