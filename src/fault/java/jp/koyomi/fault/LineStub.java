package jp.koyomi.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The LINE Messaging API push endpoint (WireMock in the test JVM), with LINE's retry-key rule: the
 * first push accepted under an {@code X-Line-Retry-Key} is delivered, a later one with the same key
 * answers 409 with {@code X-Line-Accepted-Request-Id}. A {@link Script} decides what each request
 * meets first (429, 500, a timeout, a slow answer). Records every request per retry key.
 */
final class LineStub implements AutoCloseable {

    static final String PUSH = "/v2/bot/message/push";
    static final String TOKEN = "line-channel-token-that-must-never-be-logged-91fa";
    static final String SECRET = "line-channel-secret-never-logged-0c37";

    /** What a push meets, by its global number (1 = first request) and its number under its own key. */
    @FunctionalInterface
    interface Script {
        Answer answer(int request, int attemptOfKey);
    }

    /** A status other than 200 is a refusal (nothing delivered); {@code delayMillis} slows the answer. */
    record Answer(int status, String retryAfter, int delayMillis, boolean delivers) {
        static Answer accept() {
            return new Answer(200, null, 0, true);
        }

        /** LINE takes the push but answers late; longer than the sender's read timeout, it is a timeout. */
        static Answer acceptSlowly(int delayMillis) {
            return new Answer(200, null, delayMillis, true);
        }

        static Answer refuse(int status, String retryAfter) {
            return new Answer(status, retryAfter, 0, false);
        }
    }

    record Seen(Instant at, int status, String retryAfter) {
    }

    /** Per retry key: requests seen, and whether (and by which request) it was delivered. */
    static final class Key {
        final AtomicInteger requests = new AtomicInteger();
        /** Every request under this key: when it came and what it was answered. */
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        volatile int deliveredBy;
        volatile String to;
    }

    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger withoutKey = new AtomicInteger();
    private volatile Script script = (n, attempt) -> Answer.accept();
    private final WireMockServer server;

    LineStub() {
        server = new WireMockServer(options().dynamicPort().containerThreads(64).extensions(new Answers()));
        server.start();
        server.stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(200)));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    void script(Script script) {
        this.script = script;
    }

    Map<String, Key> keys() {
        return keys;
    }

    int requests() {
        return requests.get();
    }

    int requestsWithoutRetryKey() {
        return withoutKey.get();
    }

    long delivered() {
        return keys.values().stream().filter(k -> k.deliveredBy > 0).count();
    }

    /** Retry keys pushed more than once while LINE had already accepted them or another push with them was underway. */
    long keysRequestedMoreThanOnce() {
        return keys.values().stream().filter(k -> k.requests.get() > 1).count();
    }

    /** LINE user ids that received more than one message (under different retry keys). */
    long usersDeliveredMoreThanOnce() {
        Map<String, Integer> perUser = new ConcurrentHashMap<>();
        keys.values().stream().filter(k -> k.deliveredBy > 0).forEach(k -> perUser.merge(k.to, 1, Integer::sum));
        return perUser.values().stream().filter(n -> n > 1).count();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Answers implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            int n = requests.incrementAndGet();
            String retryKey = event.getRequest().getHeader("X-Line-Retry-Key");
            if (retryKey == null) {
                withoutKey.incrementAndGet();
                retryKey = "none-" + n;
            }
            Key key = keys.computeIfAbsent(retryKey, k -> new Key());
            int attempt = key.requests.incrementAndGet();
            Instant at = Instant.now();
            synchronized (key) {
                if (key.deliveredBy > 0) {
                    key.seen.add(new Seen(at, 409, null));
                    return json(409, "{\"message\":\"The retry key is already accepted\",\"sentMessages\":[]}", null, 0)
                            .withHeader("X-Line-Accepted-Request-Id", "req-" + key.deliveredBy).build();
                }
                Answer answer = script.answer(n, attempt);
                key.seen.add(new Seen(at, answer.status(), answer.retryAfter()));
                if (answer.delivers()) {
                    key.deliveredBy = n;
                    key.to = to(event.getRequest().getBodyAsString());
                    return json(200, "{\"sentMessages\":[{\"id\":\"" + n + "\",\"quoteToken\":\"q" + n + "\"}]}", null,
                            answer.delayMillis()).build();
                }
                return json(answer.status(), "{\"message\":\"stub answer " + answer.status() + "\"}", answer.retryAfter(),
                        answer.delayMillis()).build();
            }
        }

        private static String to(String body) {
            int at = body.indexOf("\"to\"");
            if (at < 0) {
                return "?";
            }
            int open = body.indexOf('"', body.indexOf(':', at) + 1);
            return body.substring(open + 1, body.indexOf('"', open + 1));
        }

        private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body,
                String retryAfter, int delayMillis) {
            var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withHeader("X-Line-Request-Id", "req-" + requests.get()).withBody(body);
            if (retryAfter != null) {
                response.withHeader("Retry-After", retryAfter);
            }
            if (delayMillis > 0) {
                response.withFixedDelay(delayMillis);
            }
            return response;
        }

        @Override
        public String getName() {
            return "koyomi-line-answers";
        }
    }
}
