package io.signflow.bench;

import io.signflow.support.ServerProcess;
import io.signflow.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
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

    /** The used heap in jcmd GC.heap_info's first line, e.g. "garbage-first heap   total 2097152K, used 91234K". */
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern COMPILE_TIME = Pattern.compile("(?m)^java\\.ci\\.totalTime=(\\d+)$");
    private static final Pattern TICK_FREQUENCY = Pattern.compile("(?m)^sun\\.os\\.hrt\\.frequency=(\\d+)$");

    private final String url;
    private final String adminPassword;
    private final ServerProcess process;
    /** The server's and its database backends' CPU; null for a server elsewhere. */
    private final CpuMeter cpu;
    private final TestDatabase.Server postgres;
    private final String database;

    private BenchServer(String url, String adminPassword, ServerProcess process, CpuMeter cpu,
                        TestDatabase.Server postgres, String database) {
        this.url = url;
        this.adminPassword = adminPassword;
        this.process = process;
        this.cpu = cpu;
        this.postgres = postgres;
        this.database = database;
    }

    static BenchServer attach(String url, String adminPassword) {
        return new BenchServer(url, adminPassword, null, null, null, null);
    }

    private static BenchServer started(ServerProcess process, TestDatabase.Server postgres, String database) {
        return new BenchServer(process.url(), ServerProcess.ADMIN_PASSWORD, process,
                new CpuMeter(process.pid(), postgres.url("postgres"), postgres.user(), postgres.password(), database),
                postgres, database);
    }

    /** The packaged jar with a heap of at most {@code heap} (e.g. "2g", "512m"). */
    static BenchServer start(String heap, List<String> extraArguments) throws Exception {
        TestDatabase.Server postgres = postgres();
        String database = ServerProcess.createDatabase(postgres, "signflow_bench");
        ServerProcess process = ServerProcess.start(postgres, database, "bench-master-key", heap, extraArguments)
                .awaitHealthy(Duration.ofMinutes(10));
        return started(process, postgres, database);
    }

    /** {@link BaselineEngine} in a fresh database of its own on the same PostgreSQL, with the server's arguments. */
    static BenchServer startBaseline(List<String> extraArguments) throws Exception {
        TestDatabase.Server postgres = postgres();
        String database = ServerProcess.createDatabase(postgres, "signflow_baseline");
        ServerProcess process = ServerProcess.startMain(BaselineEngine.class.getName(), postgres, database,
                extraArguments)
                .awaitHealthy(Duration.ofMinutes(10));
        return started(process, postgres, database);
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

    /** Measures what the server and its database spend while the phase runs; null when the server runs elsewhere. */
    CpuMeter cpu() {
        return cpu;
    }

    /**
     * Brings the planner's statistics of the server's database up to date, when the database was made
     * here; false otherwise. A database made for the run fills from empty in minutes, and on a
     * PostgreSQL whose autovacuum is off (the benchmark machine's) it would never be analyzed: the
     * plans chosen for empty tables would be measured rather than the product's, e.g. the engine's
     * message correlation starting from every waiting subscription instead of the business key.
     */
    boolean analyze() throws SQLException {
        if (database == null) {
            return false;
        }
        try (var connection = DriverManager.getConnection(postgres.url(database), postgres.user(), postgres.password())) {
            connection.createStatement().execute("analyze");
        }
        return true;
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
        return metric(metrics(), name, labels);
    }

    /** The Prometheus page once, for reading several numbers of the same moment with {@link #metric(String, String, String)}. */
    String metrics() throws IOException, InterruptedException {
        return get("/actuator/prometheus", true);
    }

    static double metric(String page, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels == null ? "" : "\\{" + Pattern.quote(labels) + "[^}]*\\}")
                + "\\s+(\\S+)$").matcher(page);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    /**
     * Heap in use right after a full collection, in MB, when the server runs here: the collection is asked
     * for (jcmd GC.run) because under a steady load the collector may go many minutes without one, and the
     * live size it last saw would then say nothing.
     */
    double heapAfterGcMegabytes() throws IOException, InterruptedException {
        if (process == null) {
            return -1;
        }
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
    }

    /**
     * Seconds the server's JIT compilers have spent since it started (jcmd PerfCounter.print's
     * java.ci.totalTime, in ticks of sun.os.hrt.frequency); NaN when the server runs elsewhere.
     */
    double compiledSeconds() throws IOException, InterruptedException {
        if (process == null) {
            return Double.NaN;
        }
        String counters = jcmd("PerfCounter.print");
        Matcher time = COMPILE_TIME.matcher(counters);
        Matcher frequency = TICK_FREQUENCY.matcher(counters);
        return time.find() && frequency.find()
                ? Double.parseDouble(time.group(1)) / Double.parseDouble(frequency.group(1)) : Double.NaN;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output;
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
    public void close() throws InterruptedException, SQLException {
        if (cpu != null) {
            cpu.close();
        }
        if (process != null) {
            process.close();
        }
    }
}
