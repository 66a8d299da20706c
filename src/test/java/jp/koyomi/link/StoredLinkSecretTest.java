package jp.koyomi.link;

import static jp.koyomi.support.TestUsers.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;

/** Issue 10 item 6: with no configured key, links are signed with one key stored in the database. */
@QuarkusTest
@TestProfile(StoredLinkSecretTest.WithoutConfiguredSecret.class)
class StoredLinkSecretTest {

    public static class WithoutConfiguredSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("koyomi.channels.link-secret", "");
        }
    }

    @Inject
    SignedLinks links;

    @Inject
    StoredLinkSecret stored;

    @Inject
    Links producer;

    @Inject
    LinkConfig config;

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource dataSource;

    private String storedSecret() throws SQLException {
        return Db.value(dataSource, "SELECT secret FROM link_secret WHERE id = 1");
    }

    @Test
    void shouldSignWithTheKeyStoredAtStartSoLinksVerifyAfterARestartAndOnAnotherInstance() throws SQLException {
        String secret = storedSecret();
        assertTrue(secret.length() >= 32, "a generated key of 32 random bytes");
        long customer = Db.customer(dataSource, "LS-1");
        String token = links.unsubscribeToken(customer, Channel.EMAIL);

        // Another instance, or this one after a restart, builds its links from the same database.
        SignedLinks restarted = producer.signedLinks(config, stored, clock);
        assertEquals(customer, restarted.verifyUnsubscribe(token).orElseThrow().customerId());
        SignedLinks otherInstance = new SignedLinks(new LinkSettings(URI.create("https://other.example.jp"),
                storedSecret()), clock);
        assertEquals(customer, otherInstance.verifyUnsubscribe(token).orElseThrow().customerId());
        assertEquals(secret, storedSecret(), "the key is made once, never again");
        assertEquals("1", Db.value(dataSource, "SELECT COUNT(*) FROM link_secret"));

        // And the open endpoint accepts a link that the other instance signed.
        anonymous().post("/unsubscribe/" + otherInstance.unsubscribeToken(customer, Channel.EMAIL)).then()
                .statusCode(200);
    }

    @Test
    void shouldStillAcceptLinksOfTheStoredKeyOnceAKeyIsConfigured() throws SQLException {
        String configured = "a-configured-secret-of-at-least-32-bytes";
        String before = links.unsubscribeToken(5L, Channel.LINE);
        LinkConfig withSecret = new LinkConfig() {
            @Override
            public URI publicBaseUrl() {
                return config.publicBaseUrl();
            }

            @Override
            public java.util.Optional<String> linkSecret() {
                return java.util.Optional.of(configured);
            }

            @Override
            public java.util.Optional<List<String>> linkPreviousSecrets() {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<String> smtpHost() {
                return java.util.Optional.empty();
            }
        };
        SignedLinks reconfigured = producer.signedLinks(withSecret, stored, clock);
        assertEquals(5L, reconfigured.verifyUnsubscribe(before).orElseThrow().customerId());
        String after = reconfigured.unsubscribeToken(6L, Channel.LINE);
        assertTrue(links.verifyUnsubscribe(after).isEmpty(), "new links are signed with the configured key");
    }
}
