package io.signflow.bench;

import io.signflow.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under load: either one already running (--url), or the packaged jar started here on
 * PostgreSQL — the machine's if SIGNFLOW_BENCH_POSTGRES_URL names it, otherwise an embedded one — in
 * a fresh database, so that measurements start from empty tables.
 */
final class BenchServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    private final String url;
    private final String adminPassword;
    private final Process process;

    private BenchServer(String url, String adminPassword, Process process) {
        this.url = url;
        this.adminPassword = adminPassword;
        this.process = process;
    }

    static BenchServer attach(String url, String adminPassword) {
        return new BenchServer(url, adminPassword, null);
    }

    static BenchServer start(List<String> extraArguments) throws Exception {
        File jar = Files.list(Path.of("target")).map(Path::toFile)
                .filter(f -> f.getName().startsWith("signflow-") && f.getName().endsWith(".jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw -DskipTests package"));
        TestDatabase.Server postgres = postgres();
        String database = "signflow_bench_" + System.currentTimeMillis();
        try (var connection = DriverManager.getConnection(postgres.url("postgres"), postgres.user(), postgres.password())) {
            connection.createStatement().execute("create database " + database);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx2g", "-jar", jar.getPath(), "--server.port=" + port,
                "--spring.profiles.active=postgres", "--signflow.metrics.refresh=1s", "--logging.level.root=WARN"));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("signflow-bench-", ".log").toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", postgres.url(database));
        builder.environment().put("SPRING_DATASOURCE_USERNAME", postgres.user());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        builder.environment().put("SIGNFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("SIGNFLOW_MASTER_KEY", "bench-master-key");
        builder.environment().put("SIGNFLOW_DATA_DIR", Files.createTempDirectory("signflow-bench-data").toString());
        builder.environment().put("SIGNFLOW_CALLBACK_ALLOW_PRIVATE", "true");
        Process process = builder.start();
        BenchServer server = new BenchServer("http://127.0.0.1:" + port, ADMIN_PASSWORD, process);
        server.awaitHealthy(Duration.ofMinutes(3));
        return server;
    }

    private static TestDatabase.Server postgres() {
        String external = System.getenv("SIGNFLOW_BENCH_POSTGRES_URL");
        if (external == null || external.isBlank()) {
            return TestDatabase.postgres();
        }
        return new TestDatabase.Server(external.substring(0, external.lastIndexOf('/')),
                System.getenv().getOrDefault("SIGNFLOW_BENCH_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("SIGNFLOW_BENCH_POSTGRES_PASSWORD", ""));
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting (exit " + process.exitValue() + ")");
            }
            try {
                if (get("/actuator/health", false).contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not become healthy in " + timeout);
    }

    int port() {
        return URI.create(url).getPort();
    }

    String adminPassword() {
        return adminPassword;
    }

    /** Resident memory of the server process in MB, when it runs here. */
    long rssMegabytes() throws IOException {
        if (process == null) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** A number from the Prometheus endpoint, e.g. signflow_groups{status="COMPLETED"}; 0 when absent. */
    double metric(String name, String labels) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels == null ? "" : "\\{" + Pattern.quote(labels) + "[^}]*\\}")
                + "\\s+(\\S+)$").matcher(get("/actuator/prometheus", true));
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    /** Heap still in use after the last major collection, in MB (Micrometer's jvm.gc.live.data.size). */
    double heapAfterGcMegabytes() throws IOException, InterruptedException {
        return metric("jvm_gc_live_data_size_bytes", null) / (1024 * 1024);
    }

    String get(String path, boolean admin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
        if (admin) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }
}
