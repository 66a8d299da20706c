package jp.koyomi.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:8080/", "http://127.1.2.3",
            "http://[::1]:8080", "http://0.0.0.0:8080", "http://koyomi.localhost" })
    void shouldRefuseToStartWhenRealSmtpIsConfiguredAndLinksPointAtThisMachine(String base) {
        Optional<String> reason = Links.deadLinksReason(URI.create(base), Optional.of("smtp.example.jp"));
        assertTrue(reason.isPresent(), base);
        assertTrue(reason.get().contains("koyomi.channels.public-base-url"), reason.get());
        assertTrue(reason.get().contains("KOYOMI_CHANNELS_PUBLIC_BASE_URL"), reason.get());
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://mail.example.jp", "http://192.168.0.10:8080", "https://localhost.example.jp" })
    void shouldStartWhenLinksPointAtAnAddressCustomersCanReach(String base) {
        assertEquals(Optional.empty(), Links.deadLinksReason(URI.create(base), Optional.of("smtp.example.jp")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void shouldStartOnLocalhostWhenEmailsOnlyGoToTheFileOutbox(String smtpHost) {
        assertEquals(Optional.empty(), Links.deadLinksReason(URI.create("http://localhost:8080"),
                smtpHost.isEmpty() ? Optional.empty() : Optional.of(smtpHost)));
    }
}
