import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The receiving end of bench/run's drain measurement, in one JDK-only process (run it with
 * {@code java -Dsun.net.httpserver.nodelay=true bench/DrainSinks.java SMTP_PORT HTTP_PORT}):
 * <ul>
 * <li>an SMTP sink on SMTP_PORT that accepts every message and counts them, and how many arrived
 * under a Message-ID already seen (Koyomi's Message-ID is stable per delivery, so that is a
 * duplicate send);</li>
 * <li>LINE's push endpoint on HTTP_PORT with LINE's retry-key rule: the first push under an
 * {@code X-Line-Retry-Key} is delivered (200), a later one answers 409 with
 * {@code X-Line-Accepted-Request-Id};</li>
 * <li>{@code GET /counts} on HTTP_PORT: the counters as JSON; {@code POST /reset} zeroes them.</li>
 * </ul>
 * Deliberately small, so the sinks cost little CPU beside the sender on a shared 2-core machine:
 * Postfix's smtp-sink is the outside reference for the SMTP side when it is installed.
 */
public final class DrainSinks {

    private static final Map<String, Boolean> MESSAGE_IDS = new ConcurrentHashMap<>();
    private static final AtomicLong SMTP_MESSAGES = new AtomicLong();
    private static final AtomicLong SMTP_DUPLICATES = new AtomicLong();
    private static final AtomicLong SMTP_CONNECTIONS = new AtomicLong();
    private static final Map<String, Long> RETRY_KEYS = new ConcurrentHashMap<>();
    private static final AtomicLong LINE_REQUESTS = new AtomicLong();
    private static final AtomicLong LINE_CONFLICTS = new AtomicLong();
    private static final AtomicLong LINE_WITHOUT_KEY = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int smtpPort = Integer.parseInt(args[0]);
        int httpPort = Integer.parseInt(args[1]);
        ServerSocket smtp = new ServerSocket(smtpPort, 128, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(smtp), "smtp-accept");
        acceptor.start();

        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 256);
        http.setExecutor(Executors.newFixedThreadPool(16));
        http.createContext("/v2/bot/message/push", DrainSinks::push);
        http.createContext("/counts", exchange -> answer(exchange, 200, counts(), Map.of()));
        http.createContext("/reset", exchange -> {
            MESSAGE_IDS.clear();
            RETRY_KEYS.clear();
            for (AtomicLong n : new AtomicLong[] {SMTP_MESSAGES, SMTP_DUPLICATES, SMTP_CONNECTIONS, LINE_REQUESTS,
                    LINE_CONFLICTS, LINE_WITHOUT_KEY}) {
                n.set(0);
            }
            answer(exchange, 200, counts(), Map.of());
        });
        http.start();
        System.out.println("SMTP sink on " + smtpPort + ", LINE stub and /counts on " + httpPort);
    }

    private static String counts() {
        return "{\"smtp_messages\":" + SMTP_MESSAGES + ",\"smtp_duplicate_message_ids\":" + SMTP_DUPLICATES
                + ",\"smtp_connections\":" + SMTP_CONNECTIONS + ",\"line_requests\":" + LINE_REQUESTS
                + ",\"line_delivered\":" + RETRY_KEYS.size() + ",\"line_retry_key_conflicts\":" + LINE_CONFLICTS
                + ",\"line_without_retry_key\":" + LINE_WITHOUT_KEY + "}";
    }

    private static void push(HttpExchange exchange) throws IOException {
        long n = LINE_REQUESTS.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("X-Line-Retry-Key");
        if (key == null) {
            LINE_WITHOUT_KEY.incrementAndGet();
            key = "none-" + n;
        }
        Long first = RETRY_KEYS.putIfAbsent(key, n);
        if (first != null) {
            LINE_CONFLICTS.incrementAndGet();
            answer(exchange, 409, "{\"message\":\"The retry key is already accepted\",\"sentMessages\":[]}",
                    Map.of("X-Line-Accepted-Request-Id", "req-" + first));
            return;
        }
        answer(exchange, 200, "{\"sentMessages\":[{\"id\":\"" + n + "\",\"quoteToken\":\"q" + n + "\"}]}",
                Map.of("X-Line-Request-Id", "req-" + n));
    }

    private static void answer(HttpExchange exchange, int status, String json, Map<String, String> headers)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void accept(ServerSocket server) {
        while (true) {
            try {
                Socket socket = server.accept();
                SMTP_CONNECTIONS.incrementAndGet();
                Thread t = new Thread(() -> session(socket), "smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                System.err.println("SMTP accept: " + e.getMessage());
            }
        }
    }

    /** One SMTP session: every command is accepted; DATA is read up to the lone dot, its Message-ID noted. */
    private static void session(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536);
                OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            reply(out, "220 drain-sink ESMTP");
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, "250-drain-sink\r\n250-8BITMIME\r\n250 PIPELINING");
                    case "HELO" -> reply(out, "250 drain-sink");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        data(in);
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to count
        }
    }

    private static void data(InputStream in) throws IOException {
        String messageId = null;
        boolean headers = true;
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            if (headers && line.isEmpty()) {
                headers = false;
            } else if (headers && messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).trim();
            }
        }
        SMTP_MESSAGES.incrementAndGet();
        if (messageId != null && MESSAGE_IDS.putIfAbsent(messageId, Boolean.TRUE) != null) {
            SMTP_DUPLICATES.incrementAndGet();
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A CRLF-terminated line as ISO-8859-1 (headers are ASCII; the body is only scanned for the dot), or null at the end. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(80);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
