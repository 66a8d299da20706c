package jp.koyomi.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.koyomi.support.Poll;

/**
 * Koyomi as operators run it: the packaged {@code quarkus-run.jar} in its own JVM
 * ({@code java -Xmx512m -jar}), on PostgreSQL, its stdout and stderr appended to one log file across
 * restarts. {@link #kill()} is {@code kill -9}: no shutdown hook, no last commit.
 */
final class KoyomiProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "fault-admin-pw-6c1d";
    static final Duration READY_DEADLINE = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String name;
    private final Path workDir;
    private final Path log;
    private final int port;
    private final Map<String, String> env;
    private final Map<String, String> properties;
    private Process process;
    private int starts;
    private int kills;

    /**
     * @param env        environment variables (secrets travel this way, as in production)
     * @param properties system properties ({@code -Dkoyomi.runs.batch-size=...}) that make a fault point reachable
     */
    KoyomiProcess(String name, Path workDir, Map<String, String> env, Map<String, String> properties) throws IOException {
        this.name = name;
        this.workDir = workDir;
        this.log = workDir.resolve(name + ".log");
        this.port = freePort();
        this.env = new LinkedHashMap<>(env);
        this.properties = new LinkedHashMap<>(properties);
        this.env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // As in production, links in mail point at the public address (Koyomi refuses a local one with
        // real SMTP); the suite calls them on the process' own address, which a link's token does not name.
        this.env.putIfAbsent("KOYOMI_CHANNELS_PUBLIC_BASE_URL", "https://mail.koyomi-fault.example");
        Files.createDirectories(workDir);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Path jar() {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the fault suite with ./mvnw verify -Pfault");
        }
        return jar;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int kills() {
        return kills;
    }

    int starts() {
        return starts;
    }

    /** Starts the process and waits until {@code /q/health/ready} answers 200. */
    KoyomiProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Files.writeString(log, "==== fault harness: start " + (starts + 1) + " of " + name + " at " + Instant.now() + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        starts++;
        Poll.until(name + " answers /q/health/ready with 200 (start " + starts + ")", READY_DEADLINE, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; log tail:\n" + tail());
            }
            return ready();
        });
        return this;
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9: the JVM gets no chance to finish a transaction, a send or a file. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        kills++;
    }

    /** kill -STOP: the process stays alive, holding its leases and open transactions, but does nothing (a long GC pause, a frozen VM). */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** kill -CONT: the paused process carries on where it stood. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + exit);
        }
    }

    void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        start();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Everything the process wrote, all starts included. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    Path logFile() {
        return log;
    }

    private String tail() {
        try {
            String all = log();
            return all.substring(Math.max(0, all.length() - 4000));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            try {
                resume(); // a paused process would not hear the SIGTERM
            } catch (IOException e) {
                process.destroyForcibly();
            }
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    // ---- the API, as an admin (admin includes marketer and viewer) ----

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Reply post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A file download (the postal CSV), as bytes. */
    byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(request(path).setHeader("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** An open endpoint (unsubscribe): no credentials. */
    Reply postAnonymous(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json");
    }

    private static Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body());
    }

    Reply expect(int status, Reply reply, String what) {
        if (reply.status() != status) {
            throw new AssertionError(what + ": expected HTTP " + status + ", got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    /** Polls a condition that needs this process alive. */
    void await(String what, Duration deadline, BooleanSupplier condition) {
        Poll.until(what, deadline, condition);
    }
}
