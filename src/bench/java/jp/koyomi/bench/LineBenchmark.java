package jp.koyomi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.sun.net.httpserver.HttpServer;

import jp.koyomi.channel.line.LineMessenger;
import jp.koyomi.channel.line.LineSettings;
import jp.koyomi.channel.line.PushRateLimiter;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.delivery.SendResult;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/**
 * Pushes per second through LineMessenger (limit checks, SDK round trip of the message, HTTP) to
 * an in-process stub of the Messaging API, with 32 worker threads sharing one messenger. The
 * rate limiter is set far above the result so it does not limit. Needs TCP_NODELAY on the stub,
 * or delayed ACKs hold every request for 40 ms.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Dsun.net.httpserver.nodelay=true"})
@Threads(32)
@State(Scope.Benchmark)
public class LineBenchmark {

    private static final String FLEX = "{\"type\":\"flex\",\"altText\":\"冬のコート 30%オフ\",\"contents\":{\"type\":\"bubble\","
            + "\"body\":{\"type\":\"box\",\"layout\":\"vertical\",\"contents\":[{\"type\":\"text\",\"text\":\"ダウンコート\","
            + "\"weight\":\"bold\",\"wrap\":true},{\"type\":\"button\",\"action\":{\"type\":\"uri\",\"label\":\"見る\","
            + "\"uri\":\"https://koyomi.example.jp/click/AAAA.BBBB\"}}]}}}";

    /** Connections (the SDK's requests per host) to the API. */
    @Param({"5", "32"})
    public int connections;

    private HttpServer stub;
    private ExecutorService stubThreads;
    private LineMessenger messenger;
    private OutboundMessage message;

    @Setup(Level.Trial)
    public void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        byte[] ok = "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}".getBytes(StandardCharsets.UTF_8);
        stub.createContext("/v2/bot/message/push", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Line-Request-Id", "stub");
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        stubThreads = Executors.newFixedThreadPool(16);
        stub.setExecutor(stubThreads);
        stub.start();
        URI base = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
        messenger = new LineMessenger(new LineSettings(base, "bench-token", Duration.ofSeconds(5), Duration.ofSeconds(5),
                connections), new PushRateLimiter(1_000_000, 1_000), java.time.Clock.systemUTC());
        message = new OutboundMessage(1L, UUID.randomUUID(), Channel.LINE, "U4af4980629a0b2c1d3e4f5a6b7c8d9e0", "青木 陽菜",
                new RenderedMessage.Line(List.of("{\"type\":\"text\",\"text\":\"青木 陽菜 様、冬物セールのお知らせです\"}", FLEX)),
                null);
    }

    @TearDown(Level.Trial)
    public void stop() {
        stub.stop(0);
        stubThreads.shutdownNow();
    }

    @Benchmark
    public SendResult push() {
        SendResult result = messenger.send(message);
        if (!(result instanceof SendResult.Sent)) {
            throw new IllegalStateException("push failed: " + result);
        }
        return result;
    }
}
