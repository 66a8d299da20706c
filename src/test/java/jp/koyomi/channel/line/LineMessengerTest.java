package jp.koyomi.channel.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static jp.koyomi.channel.line.LineFixtures.FLEX;
import static jp.koyomi.channel.line.LineFixtures.TEXT;
import static jp.koyomi.channel.line.LineFixtures.USER;
import static jp.koyomi.channel.line.LineFixtures.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.linecorp.bot.messaging.client.MessagingApiClient;

import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.delivery.SendResult;

class LineMessengerTest {

    private static final String PUSH = "/v2/bot/message/push";
    private static final String TOKEN = "channel-token-that-must-never-be-logged";

    private WireMockServer line;
    private LineMessenger messenger;

    @BeforeEach
    void startStub() {
        line = new WireMockServer(options().dynamicPort());
        line.start();
        messenger = new LineMessenger(settings(READ_TIMEOUT), new PushRateLimiter(1_000, 100), CLOCK);
    }

    @AfterEach
    void stopStub() {
        line.stop();
    }

    // Generous: a busy 2-core box must never turn a prompt stub answer into a timeout. Only the
    // timeout test uses a short one, against a stub that answers far later still.
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private LineSettings settings(Duration readTimeout) {
        return new LineSettings(URI.create(line.baseUrl()), TOKEN, Duration.ofSeconds(10), readTimeout, 8);
    }

    private void answer(ResponseDefinitionBuilder response) {
        line.stubFor(post(urlEqualTo(PUSH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Line-Request-Id", "req-" + status).withBody(body);
    }

    private void assertEveryAttemptCarried(UUID retryKey, int attempts) {
        line.verify(attempts, postRequestedFor(urlEqualTo(PUSH)));
        line.verify(attempts, postRequestedFor(urlEqualTo(PUSH)).withHeader("X-Line-Retry-Key", equalTo(retryKey.toString())));
    }

    @Test
    void shouldPushTheRenderedMessagesWithRetryKeyAndTokenAndReportSent() {
        answer(json(200, "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}"));
        UUID key = UUID.randomUUID();

        SendResult result = messenger.send(push(1L, key, TEXT, FLEX));

        assertEquals(new SendResult.Sent("req-200"), result);
        line.verify(postRequestedFor(urlEqualTo(PUSH))
                .withHeader("X-Line-Retry-Key", equalTo(key.toString()))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"to\":\"" + USER + "\",\"messages\":[" + TEXT + "," + FLEX + "]}")));
    }

    @Test
    void shouldCountAnAlreadyAcceptedRetryKeyAsSent() {
        answer(json(409, "{\"message\":\"The retry key is already accepted\",\"sentMessages\":[{\"id\":\"1\"}]}")
                .withHeader("X-Line-Accepted-Request-Id", "req-first-attempt"));

        assertEquals(new SendResult.Sent("req-first-attempt"), messenger.send(push(1L, UUID.randomUUID(), TEXT)));
    }

    @Test
    void shouldRetryWithTheSameKeyAfterAServerErrorAndThenSucceed() {
        line.stubFor(post(urlEqualTo(PUSH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(500, "{\"message\":\"An error occurred in the API server\"}")).willSetStateTo("recovered"));
        line.stubFor(post(urlEqualTo(PUSH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(200, "{\"sentMessages\":[]}")));
        UUID key = UUID.randomUUID();
        OutboundMessage message = push(1L, key, TEXT);

        assertInstanceOf(SendResult.Retry.class, messenger.send(message));
        assertInstanceOf(SendResult.Sent.class, messenger.send(message));
        assertEveryAttemptCarried(key, 2);
    }

    @Test
    void shouldRetryWhenRateLimitedAndKeepTheKey() {
        answer(json(429, "{\"message\":\"Too many requests\"}"));
        UUID key = UUID.randomUUID();
        OutboundMessage message = push(1L, key, TEXT);

        SendResult first = messenger.send(message);
        SendResult second = messenger.send(message);

        assertInstanceOf(SendResult.Retry.class, first);
        assertInstanceOf(SendResult.Retry.class, second);
        assertEveryAttemptCarried(key, 2);
    }

    @Test
    void shouldWaitAsLongAsLinesRetryAfterSaysWhenRateLimited() {
        answer(json(429, "{\"message\":\"Too many requests\"}").withHeader("Retry-After", "120"));

        SendResult.Retry retry = assertInstanceOf(SendResult.Retry.class, messenger.send(push(1L, UUID.randomUUID(), TEXT)));

        assertEquals(Duration.ofSeconds(120), retry.notBefore());
    }

    @Test
    void shouldReadARetryAfterGivenAsAnHttpDate() {
        answer(json(503, "{\"message\":\"Service unavailable\"}").withHeader("Retry-After", "Thu, 26 Nov 2026 03:05:00 GMT"));

        SendResult.Retry retry = assertInstanceOf(SendResult.Retry.class, messenger.send(push(1L, UUID.randomUUID(), TEXT)));

        assertEquals(Duration.ofMinutes(5), retry.notBefore());
    }

    @Test
    void shouldPauseTheChannelWhenTheMonthlyQuotaIsUsedUp() {
        answer(json(429, "{\"message\":\"You have reached your monthly limit.\"}"));

        SendResult result = messenger.send(push(1L, UUID.randomUUID(), TEXT));

        SendResult.ChannelPaused paused = assertInstanceOf(SendResult.ChannelPaused.class, result);
        assertTrue(paused.reason().contains("monthly"), paused.reason());
    }

    @Test
    void shouldFailWithLinesReasonOnABadRequest() {
        answer(json(400, "{\"message\":\"The request body has 1 error(s)\",\"details\":[{\"message\":\"May not be empty\","
                + "\"property\":\"messages[0].text\"}]}"));

        SendResult result = messenger.send(push(1L, UUID.randomUUID(), TEXT));

        assertEquals(new SendResult.Failed("LINE 400 The request body has 1 error(s) (messages[0].text: May not be empty)"), result);
    }

    @Test
    void shouldRetryWhenLineDoesNotAnswerInTime() {
        answer(json(200, "{\"sentMessages\":[]}").withFixedDelay(30_000));
        UUID key = UUID.randomUUID();
        LineMessenger impatient = new LineMessenger(settings(Duration.ofSeconds(2)), new PushRateLimiter(1_000, 100), CLOCK);

        SendResult result = impatient.send(push(1L, key, TEXT));

        assertInstanceOf(SendResult.Retry.class, result);
        line.verify(postRequestedFor(urlEqualTo(PUSH)).withHeader("X-Line-Retry-Key", equalTo(key.toString())));
    }

    @Test
    void shouldFailBeforeCallingLineWhenTheMessageBreaksLinesLimits() {
        answer(json(200, "{\"sentMessages\":[]}"));

        SendResult result = messenger.send(push(1L, UUID.randomUUID(), TEXT, TEXT, TEXT, TEXT, TEXT, TEXT));

        assertInstanceOf(SendResult.Failed.class, result);
        line.verify(0, postRequestedFor(urlEqualTo(PUSH)));
    }

    @Test
    void shouldNotLogTheChannelTokenWhereTheSdksDefaultLoggerWould() {
        answer(json(200, "{\"sentMessages\":[]}"));
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            messenger.send(push(1L, UUID.randomUUID(), TEXT));
            assertFalse(logged.stream().anyMatch(line -> line.contains(TOKEN)), String.join("\n", logged));

            // The same capture does see the token when the SDK's logger is on, so the check above can fail.
            MessagingApiClient chatty = MessagingApiClient.builder(TOKEN).apiEndPoint(URI.create(line.baseUrl())).build();
            new LineMessenger(chatty, new LinePushRequests(), new PushRateLimiter(1_000, 100), CLOCK, 1)
                    .send(push(2L, UUID.randomUUID(), TEXT));
            assertTrue(logged.stream().anyMatch(line -> line.contains(TOKEN)), "capture works");
        } finally {
            root.removeHandler(capture);
        }
    }
}
