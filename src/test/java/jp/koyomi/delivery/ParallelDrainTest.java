package jp.koyomi.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.channel.email.EmailMessageBuilder;
import jp.koyomi.channel.email.SenderSettings;
import jp.koyomi.channel.email.SmtpMessenger;
import jp.koyomi.channel.email.SmtpSecurity;
import jp.koyomi.channel.email.SmtpSettings;
import jp.koyomi.channel.line.LineMessenger;
import jp.koyomi.channel.line.LineSettings;
import jp.koyomi.channel.line.PushRateLimiter;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Csv;
import jp.koyomi.support.ManualClock;
import jp.koyomi.template.RenderedMessage;

/**
 * Many workers drain one channel side by side, as {@link OutboxWorkers} runs them: through a real
 * SMTP server (GreenMail) over a pool of connections, and to a LINE stub (WireMock) through one rate
 * limiter. Each delivery goes out once, and a channel pause stops every worker. Each test works in
 * its own month of 1999 on a hand-moved clock, so no other test's deliveries are due.
 */
@QuarkusTest
class ParallelDrainTest {

    private static final int WORKERS = 8;
    private static final String LINE_TEXT = "{\"type\":\"text\",\"text\":\"冬のコート 30%オフ\"}";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @Inject
    HandDrivenDrainers drainers;

    @Inject
    AgroalDataSource dataSource;

    private WireMockServer line;

    @BeforeEach
    void startLineStub() {
        line = new WireMockServer(options().dynamicPort().containerThreads(32));
        line.start();
    }

    @AfterEach
    void stopLineStub() {
        line.stop();
    }

    @Test
    void shouldSendEveryEmailOnceWhenManyWorkersShareThePooledConnections() throws Exception {
        Instant now = Instant.parse("1999-02-01T03:00:00Z");
        List<Long> ids = deliveries("PAR-MAIL", 450, Channel.EMAIL, now);
        ManualClock clock = new ManualClock(now);
        SmtpMessenger email = new SmtpMessenger(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), SmtpSecurity.NONE,
                null, null, Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofSeconds(30)),
                new EmailMessageBuilder(new SenderSettings("news@koyomi.test", "こよみ", "株式会社こよみ",
                        "東京都渋谷区神宮前1-2-3", "support@koyomi.test", null), clock));
        try {
            runWorkers(drainers.on(clock), email);

            assertEquals(Map.of("SENT", (long) ids.size()), statuses(ids));
            assertEquals(Set.of("1"), attempts(ids), "no delivery was attempted twice");
            MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals(ids.size(), received.length, "the server received each email once");
            Set<String> messageIds = new HashSet<>();
            for (MimeMessage m : received) {
                messageIds.add(messageId(m));
            }
            assertEquals(ids.size(), messageIds.size(), "every Message-ID arrived once");
            assertEquals(0, email.connectionsInUse(), "every connection came back to the pool");
            assertTrue(email.connectionsIdle() <= 4, "never more connections than the pool's size: " + email.connectionsIdle());
        } finally {
            email.close();
        }
    }

    @Test
    void shouldPushEveryLineMessageOnceUnderItsRetryKeyWhenManyWorkersShareTheRateLimiter() throws Exception {
        Instant now = Instant.parse("1999-03-01T03:00:00Z");
        List<Long> ids = deliveries("PAR-LINE", 450, Channel.LINE, now);
        line.stubFor(post(urlEqualTo("/v2/bot/message/push")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Line-Request-Id", "req")
                .withBody("{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}")));

        runWorkers(drainers.on(new ManualClock(now)), lineMessenger());

        assertEquals(Map.of("SENT", (long) ids.size()), statuses(ids));
        Map<String, Long> perKey = line.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push"))).stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("X-Line-Retry-Key"), Collectors.counting()));
        assertEquals(new HashSet<>(retryKeys(ids)), perKey.keySet(), "one push per delivery, under its own retry key");
        assertEquals(Set.of(1L), new HashSet<>(perKey.values()), "no retry key was pushed twice");
    }

    @Test
    void shouldStopEveryWorkerOfTheChannelWhenLinePausesItAndSendEachOnceAfterThePause() throws Exception {
        Instant now = Instant.parse("1999-04-01T03:00:00Z");
        // More than the workers claim at once: without the pause, they would claim and try again.
        List<Long> ids = deliveries("PAR-QUOTA", 1_000, Channel.LINE, now);
        line.stubFor(post(urlEqualTo("/v2/bot/message/push")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"You have reached your monthly limit.\"}")));
        ManualClock clock = new ManualClock(now);
        OutboxDrainer drainer = drainers.on(clock);
        LineMessenger messenger = lineMessenger();

        runWorkers(drainer, messenger);
        int refused = line.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push"))).size();
        runWorkers(drainer, messenger);

        // Workers already sending when the first refusal came may each have met the quota once; none more.
        assertTrue(refused >= 1 && refused <= WORKERS, refused + " pushes against a used-up quota");
        assertEquals(refused, line.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push"))).size(),
                "a paused channel is not claimed again on this instance");
        assertEquals(Map.of("PENDING", (long) ids.size()), statuses(ids));
        assertEquals(Set.of("0"), attempts(ids), "a pause spends no attempt");
        Set<Instant> due = Set.copyOf(column(ids, "next_attempt_at",
                rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()));
        assertTrue(Set.of(now, now.plus(OutboxDrainer.CHANNEL_PAUSE)).containsAll(due),
                "claimed deliveries wait for the end of the pause, the others were never claimed: " + due);

        line.resetAll();
        line.stubFor(post(urlEqualTo("/v2/bot/message/push")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Line-Request-Id", "req")
                .withBody("{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}")));
        clock.advance(OutboxDrainer.CHANNEL_PAUSE);
        runWorkers(drainer, messenger);

        assertEquals(Map.of("SENT", (long) ids.size()), statuses(ids));
        Map<String, Long> perKey = line.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push"))).stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("X-Line-Retry-Key"), Collectors.counting()));
        assertEquals(Set.of(1L), new HashSet<>(perKey.values()), "after the pause each delivery is pushed once");
        assertEquals(ids.size(), perKey.size());
    }

    private LineMessenger lineMessenger() {
        return new LineMessenger(new LineSettings(URI.create(line.baseUrl()), "parallel-test-token", Duration.ofSeconds(10),
                Duration.ofSeconds(30), WORKERS), new PushRateLimiter(10_000, 1_000), java.time.Clock.systemUTC());
    }

    /** {@link #WORKERS} workers, each claiming and sending batches until nothing is due, as OutboxWorkers does. */
    private static void runWorkers(OutboxDrainer drainer, Messenger messenger) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                running.add(pool.submit(() -> {
                    while (drainer.drainBatch(messenger) > 0) {
                        // keep going while deliveries are due
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code n} customers with email and LINE consent, each with one PENDING delivery due at {@code due}. */
    private List<Long> deliveries(String prefix, int n, Channel channel, Instant due) throws SQLException {
        String[] rows = IntStream.range(0, n).mapToObj(i -> Csv.customer(prefix + "-" + i, "150-0001")).toArray(String[]::new);
        as("marketer").contentType("text/csv").body(Csv.of(Csv.CUSTOMER_HEADER, rows)).post("/api/v1/imports/customers")
                .then().statusCode(200);
        String content = MessageCodec.encode(channel == Channel.LINE ? new RenderedMessage.Line(List.of(LINE_TEXT))
                : new RenderedMessage.Email("冬のおすすめ", "<p>こんにちは</p>", "こんにちは"));
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE customer SET line_user_id = 'U' || id, line_consent = TRUE "
                    + "WHERE external_id LIKE ?")) {
                s.setString(1, prefix + "-%");
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery (customer_id, channel, status, content, "
                    + "retry_key, next_attempt_at, created_at) SELECT id, ?, 'PENDING', ?, ?, ?, ? FROM customer "
                    + "WHERE external_id = ?", new String[] { "id" })) {
                for (int i = 0; i < n; i++) {
                    s.setString(1, channel.name());
                    s.setString(2, content);
                    s.setString(3, UUID.randomUUID().toString());
                    s.setObject(4, due.atOffset(ZoneOffset.UTC));
                    s.setObject(5, due.atOffset(ZoneOffset.UTC));
                    s.setString(6, prefix + "-" + i);
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> column(List<Long> ids, String column, Column<T> read) throws SQLException {
        List<T> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + column
                + " FROM delivery WHERE id IN (" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(read.read(rs));
            }
        }
        return values;
    }

    private Map<String, Long> statuses(List<Long> ids) throws SQLException {
        return column(ids, "status", rs -> rs.getString(1)).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private Set<String> attempts(List<Long> ids) throws SQLException {
        return Set.copyOf(column(ids, "attempts", rs -> rs.getString(1)));
    }

    private List<String> retryKeys(List<Long> ids) throws SQLException {
        return column(ids, "retry_key", rs -> rs.getString(1));
    }

    private static String messageId(MimeMessage m) {
        try {
            return Arrays.toString(m.getHeader("Message-ID"));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
