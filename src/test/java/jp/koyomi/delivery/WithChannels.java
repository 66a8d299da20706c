package jp.koyomi.delivery;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application with a real SMTP server (GreenMail on {@link #SMTP_PORT}) and a LINE channel secret;
 * real SMTP needs a public base URL that is not localhost, or Koyomi refuses to start.
 */
public class WithChannels implements QuarkusTestProfile {

    public static final int SMTP_PORT = 3931;
    public static final String LINE_SECRET = "test-line-channel-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("koyomi.channels.email.smtp-host", "127.0.0.1",
                "koyomi.channels.email.smtp-port", Integer.toString(SMTP_PORT),
                "koyomi.channels.email.smtp-security", "NONE",
                "koyomi.channels.line.channel-secret", LINE_SECRET,
                "koyomi.channels.public-base-url", "https://koyomi.test.example");
    }
}
