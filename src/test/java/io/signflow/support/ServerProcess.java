package io.signflow.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged jar running as its own process on PostgreSQL, as in production: for benchmarks and for
 * tests that kill a node. Its output goes to a log file under target/.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "process-admin-password";
    /**
     * Short job locks and outbox leases (15 s), so that what a killed node held is taken up again, by
     * another node or by itself restarted, within a test; and no rate limit in the way of a load, nor
     * creation yielding to the sealing backlog that load leaves (the node's bound of 6 stays).
     */
    public static final List<String> QUICK_TAKEOVER = List.of("--camunda.bpm.job-execution.lock-time-in-millis=15000",
            "--signflow.outbox.lease=15s", "--signflow.outbox.poll-interval=1s", "--signflow.outbox.retry-delay=500ms",
            "--signflow.api.rate-limit-per-second=1000", "--signflow.api.action-rate-limits.CreateFlowGroupByFiles=1000",
            "--signflow.api.action-rate-limits.DescribeFlowBriefs=1000", "--signflow.api.admission.node-creating-behind-backlog=6");
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A new, empty database on {@code postgres}, so that a run starts from empty tables. */
    public static String createDatabase(TestDatabase.Server postgres, String prefix) throws SQLException {
        String database = prefix + "_" + System.currentTimeMillis();
        try (var connection = DriverManager.getConnection(postgres.url("postgres"), postgres.user(), postgres.password())) {
            connection.createStatement().execute("create database " + database);
        }
        return database;
    }

    /** Starts a node; nodes given the same database and master key form a cluster. */
    public static ServerProcess start(TestDatabase.Server postgres, String database, String masterKey,
                                      List<String> extraArguments) throws IOException {
        return start(postgres, database, masterKey, "2g", extraArguments);
    }

    /** As {@link #start(TestDatabase.Server, String, String, List)}, with the heap's maximum (-Xmx) given. */
    public static ServerProcess start(TestDatabase.Server postgres, String database, String masterKey, String heap,
                                      List<String> extraArguments) throws IOException {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("signflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw -DskipTests package"));
        }
        return start(List.of("-Xmx" + heap, "-jar", jar.toString()), postgres, database, masterKey, extraArguments);
    }

    /**
     * Starts {@code mainClass} from this process's own classpath the way {@link #start} starts the jar: same
     * heap (2 GB), profile, environment and log.
     */
    public static ServerProcess startMain(String mainClass, TestDatabase.Server postgres, String database,
                                          List<String> extraArguments) throws IOException {
        return start(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), mainClass), postgres, database,
                "main-class-master-key", extraArguments);
    }

    private static ServerProcess start(List<String> launch, TestDatabase.Server postgres, String database,
                                       String masterKey, List<String> extraArguments) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        // JVM options for a profile of the server, e.g. SIGNFLOW_SERVER_JVM_OPTIONS=-XX:StartFlightRecording=...
        String jvmOptions = System.getenv("SIGNFLOW_SERVER_JVM_OPTIONS");
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(launch);
        command.addAll(List.of("--server.port=" + port, "--spring.profiles.active=postgres", "--logging.level.root=WARN"));
        command.addAll(extraArguments);
        Path log = Files.createDirectories(Path.of("target", "server-logs")).resolve("signflow-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", postgres.url(database));
        builder.environment().put("SPRING_DATASOURCE_USERNAME", postgres.user());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        builder.environment().put("SIGNFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("SIGNFLOW_MASTER_KEY", masterKey);
        builder.environment().put("SIGNFLOW_DATA_DIR", Files.createTempDirectory("signflow-data").toString());
        builder.environment().put("SIGNFLOW_CALLBACK_ALLOW_PRIVATE", "true");
        return new ServerProcess(builder.start(), port, log);
    }

    /** Waits until the node says UP; one that does not is stopped, so no process outlives a failed start. */
    public ServerProcess awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting (exit " + process.exitValue()
                        + "); see " + log);
            }
            try {
                String health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (health.contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The server did not become healthy in " + timeout + "; see " + log);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
