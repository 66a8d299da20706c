package jp.koyomi.channel.email;

import static jp.koyomi.channel.email.EmailFixtures.builder;
import static jp.koyomi.channel.email.EmailFixtures.coatEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import jp.koyomi.delivery.SendResult;

/** How real SMTP replies, read by Angus Mail, become send results. */
class SmtpOutcomeTest {

    private static SendResult sendThrough(ScriptedSmtpServer server, String username, String password) {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", server.port(), SmtpSecurity.NONE, username, password,
                Duration.ofSeconds(5), Duration.ofSeconds(5), 1, Duration.ofSeconds(30));
        try (SmtpMessenger messenger = new SmtpMessenger(settings, builder())) {
            return messenger.send(coatEmail(1L, "hina@example.com"));
        }
    }

    @Test
    void shouldRetryOnATemporaryRecipientRejection() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.7.1 greylisted, try again later", "235 ok")) {
            SendResult result = sendThrough(server, null, null);

            SendResult.Retry retry = assertInstanceOf(SendResult.Retry.class, result);
            assertTrue(retry.reason().startsWith("SMTP 451"), retry.reason());
        }
    }

    @Test
    void shouldFailOnAPermanentRecipientRejection() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 no such user", "235 ok")) {
            SendResult result = sendThrough(server, null, null);

            SendResult.Failed failed = assertInstanceOf(SendResult.Failed.class, result);
            assertTrue(failed.reason().startsWith("SMTP 550") && failed.reason().contains("no such user"), failed.reason());
        }
    }

    @Test
    void shouldPauseTheChannelWhenAuthenticationFails() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 ok", "535 5.7.8 bad credentials")) {
            SendResult result = sendThrough(server, "shop", "wrong-password");

            assertInstanceOf(SendResult.ChannelPaused.class, result);
            assertTrue(!result.toString().contains("wrong-password"), result.toString());
        }
    }

    @Test
    void shouldSendWhenTheServerAcceptsTheRecipient() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 ok", "235 ok")) {
            assertInstanceOf(SendResult.Sent.class, sendThrough(server, "shop", "secret"));
        }
    }

    @Test
    void shouldRetryWhenNothingListens() throws Exception {
        // A port held by a socket that is bound but not listening: connections are refused, and nothing
        // else can take the port meanwhile (a closed server's port could be handed out again at once).
        try (Socket held = new Socket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SmtpSettings settings = SmtpSettings.plain("127.0.0.1", held.getLocalPort());
            try (SmtpMessenger messenger = new SmtpMessenger(settings, builder())) {
                assertInstanceOf(SendResult.Retry.class, messenger.send(coatEmail(1L, "hina@example.com")));
            }
        }
    }

    @Test
    void shouldKeepThePasswordOutOfSettingsToString() {
        SmtpSettings settings = new SmtpSettings("smtp.example.jp", 587, SmtpSecurity.STARTTLS, "shop", "s3cr3t-pw",
                Duration.ofSeconds(5), Duration.ofSeconds(5), 2, Duration.ofSeconds(30));

        assertTrue(!settings.toString().contains("s3cr3t-pw"), settings.toString());
        assertEquals(settings.username(), "shop");
    }
}
