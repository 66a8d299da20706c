package jp.koyomi.channel.email;

import static jp.koyomi.channel.email.EmailFixtures.builder;
import static jp.koyomi.channel.email.EmailFixtures.coatEmail;
import static jp.koyomi.channel.email.EmailFixtures.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.delivery.SendResult;

class SmtpMessengerTest {

    private int port;
    private GreenMail smtp;

    @BeforeEach
    void startSmtp() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = startedOn(port);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private static GreenMail startedOn(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @Test
    void shouldDeliverTheEmailWithUnsubscribeHeadersFooterAndDecodedJapanese() throws Exception {
        try (SmtpMessenger messenger = new SmtpMessenger(SmtpSettings.plain("127.0.0.1", port), builder())) {
            SendResult result = messenger.send(coatEmail(11L, "hina@example.com"));

            assertInstanceOf(SendResult.Sent.class, result);
        }
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertEquals("【冬物最終セール】北海道の冬に本気のコートを、いまだけ30%オフでお届けします", received.getSubject());
        assertEquals("暦ストア", ((InternetAddress) received.getFrom()[0]).getPersonal());
        assertEquals("hina@example.com", ((InternetAddress) received.getAllRecipients()[0]).getAddress());
        assertTrue(received.getHeader("List-Unsubscribe", null).startsWith("<https://koyomi.example.jp/unsubscribe/AAAA.BBBB>,"));
        assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post", null));
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains("住所: 〒060-0001 北海道札幌市中央区北1条西1丁目1-1"));
        assertTrue(((String) parts.getBodyPart(1).getContent()).contains("住所: 〒060-0001 北海道札幌市中央区北1条西1丁目1-1"));
    }

    @Test
    void shouldReportTheStableMessageIdAsProviderId() throws Exception {
        try (SmtpMessenger messenger = new SmtpMessenger(SmtpSettings.plain("127.0.0.1", port), builder())) {
            SendResult.Sent sent = (SendResult.Sent) messenger.send(coatEmail(12L, "hina@example.com"));

            assertEquals(smtp.getReceivedMessages()[0].getMessageID(), sent.providerId());
        }
    }

    @Test
    void shouldReuseOneConnectionForConsecutiveSends() throws Exception {
        try (ConnectionCountingProxy proxy = new ConnectionCountingProxy(port);
                SmtpMessenger messenger = new SmtpMessenger(SmtpSettings.plain("127.0.0.1", proxy.port()), builder())) {
            for (long id = 1; id <= 20; id++) {
                assertInstanceOf(SendResult.Sent.class, messenger.send(coatEmail(id, "c" + id + "@example.com")));
            }

            assertEquals(1, proxy.connections());
        }
        assertEquals(20, smtp.getReceivedMessages().length);
    }

    @Test
    void shouldSendInParallelOnNoMoreConnectionsThanConfigured() throws Exception {
        SmtpSettings plain = SmtpSettings.plain("127.0.0.1", port);
        ExecutorService workers = Executors.newFixedThreadPool(6);
        try (ConnectionCountingProxy proxy = new ConnectionCountingProxy(port);
                SmtpMessenger messenger = new SmtpMessenger(new SmtpSettings("127.0.0.1", proxy.port(), plain.security(),
                        null, null, plain.connectTimeout(), plain.readTimeout(), 3, plain.idleCheckAfter()), builder())) {
            List<Future<SendResult>> results = new ArrayList<>();
            for (long id = 1; id <= 60; id++) {
                OutboundMessage message = coatEmail(id, "c" + id + "@example.com");
                results.add(workers.submit(() -> messenger.send(message)));
            }
            for (Future<SendResult> result : results) {
                assertInstanceOf(SendResult.Sent.class, result.get());
            }

            assertTrue(proxy.connections() <= 3, "connections: " + proxy.connections());
        } finally {
            workers.shutdown();
        }
        assertEquals(60, smtp.getReceivedMessages().length);
    }

    @Test
    void shouldRetryWhileTheServerIsDownAndDeliverEachEmailOnceAfterItIsBack() throws Exception {
        try (SmtpMessenger messenger = new SmtpMessenger(SmtpSettings.plain("127.0.0.1", port), builder())) {
            List<OutboundMessage> run = new ArrayList<>();
            for (long id = 1; id <= 6; id++) {
                run.add(coatEmail(id, "c" + id + "@example.com"));
            }
            List<OutboundMessage> pending = new ArrayList<>();
            for (OutboundMessage message : run) {
                if (message.deliveryId() == 4) {
                    smtp.stop(); // the server goes away in the middle of the run
                }
                SendResult result = messenger.send(message);
                if (message.deliveryId() < 4) {
                    assertInstanceOf(SendResult.Sent.class, result);
                } else {
                    assertInstanceOf(SendResult.Retry.class, result, "delivery " + message.deliveryId());
                    pending.add(message);
                }
            }

            smtp = startedOn(port);
            for (OutboundMessage message : pending) {
                assertInstanceOf(SendResult.Sent.class, messenger.send(message), "retry of " + message.deliveryId());
            }
            assertEquals(3, smtp.getReceivedMessages().length);
            Map<String, Long> perMessageId = Arrays.stream(smtp.getReceivedMessages()).map(m -> {
                try {
                    return m.getMessageID();
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(3, perMessageId.size());
        }
    }

    @Test
    void shouldFailWithoutSendingWhenTheEmailIsRejected() throws Exception {
        try (SmtpMessenger messenger = new SmtpMessenger(SmtpSettings.plain("127.0.0.1", port), builder())) {
            SendResult result = messenger.send(email(1L, "a@example.com", "Hi\r\nBcc: x@example.com", "<p>x</p>", "x"));

            assertInstanceOf(SendResult.Failed.class, result);
        }
        assertEquals(0, smtp.getReceivedMessages().length);
    }
}
