package io.signflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestPdfs;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Drives a Signflow server over HTTP the way integrators and signers do: requests signed with TC3,
 * open-loop at a rate or closed-loop at a concurrency, and prints throughput, latency percentiles and
 * errors per action. Run it with scripts/bench.sh; see BENCHMARKS.md for the scenarios and numbers.
 */
public final class LoadGenerator {

    /** A step of the warm-up that goes on until the target's JIT has settled. */
    private static final Duration WARMUP_STEP = Duration.ofSeconds(10);
    /** Compilation per step below which the JIT counts as settled: 2.5 % of one compiler thread. */
    private static final double SETTLED_COMPILE_SECONDS = 0.25;

    private final Map<String, String> options;
    private final PrintStream out;
    private BenchServer server;
    /** --server-args, given to the bare-engine baseline too, so that settings such as the pool's compare alike. */
    private List<String> serverArguments;
    private List<Tenant> tenants;

    private LoadGenerator(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        run(args, System.out);
    }

    /** Runs with "--name=value" arguments, reporting to {@code out}. */
    public static void run(String[] args, PrintStream out) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new LoadGenerator(options, out).run(options.getOrDefault("scenario", "create"));
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private Duration duration(String name, String fallback) {
        return Duration.parse("PT" + option(name, fallback).toUpperCase());
    }

    void run(String scenario) throws Exception {
        serverArguments = new ArrayList<>(options.containsKey("server-args")
                ? List.of(option("server-args", "").split(" ")) : List.of());
        if (scenario.equals("e2e") || scenario.equals("overload")) {
            // it reads the completed groups every second; the other scenarios leave the gauges at their default pace
            serverArguments.add("--signflow.metrics.refresh=1s");
        }
        server = options.containsKey("url") ? BenchServer.attach(option("url", ""), option("admin-password", ""))
                : BenchServer.start(option("server-heap", "2g"), serverArguments);
        try {
            int organizations = Integer.parseInt(option("organizations", "20"));
            Tenants factory = new Tenants(new AdminClient(server.port(), server.adminPassword()), server.port());
            tenants = new ArrayList<>();
            for (int i = 0; i < organizations; i++) {
                tenants.add(factory.create(null, 10_000_000, 3));
            }
            out.printf("signflow load: scenario %s, %d organizations, %d cores, server %s%n", scenario, organizations,
                    Runtime.getRuntime().availableProcessors(), options.getOrDefault("url", "started here on PostgreSQL"));
            switch (scenario) {
                case "create" -> create(Integer.parseInt(option("flows", "3")));
                case "scaling" -> scaling();
                case "e2e" -> endToEnd();
                case "signing" -> signing();
                case "soak" -> soak();
                case "overload" -> overload();
                case "keyword" -> keyword();
                default -> throw new IllegalArgumentException(
                        "scenario must be create, scaling, e2e, signing, soak, overload or keyword");
            }
        } finally {
            server.close();
        }
    }

    /** CreateFlowGroupByFiles with {@code flows} sub-contracts, each signed by the initiator automatically and a person. */
    private Driver.CallSource creations(int flows, boolean onlyAutoSigners) {
        return creations(flows, onlyAutoSigners, Tenant::api);
    }

    /** The same requests, each sent through the client {@code target} gives for its organization. */
    private Driver.CallSource creations(int flows, boolean onlyAutoSigners, Function<Tenant, ApiClient> target) {
        return () -> {
            Tenant tenant = tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
            List<ObjectNode> approvers = onlyAutoSigners ? List.of(Requests.autoSigner(tenant))
                    : List.of(Requests.autoSigner(tenant), Requests.person("测试", Tenants.mobile()));
            ObjectNode request = Requests.group(tenant, flows, approvers);
            ApiClient client = target.apply(tenant);
            return () -> new String[] {"CreateFlowGroupByFiles", client.code("CreateFlowGroupByFiles", request)};
        };
    }

    private Recorder drive(Driver.CallSource source, Duration warmup, Duration duration) throws Exception {
        return drive(source, warmup, duration, server).recorder();
    }

    /** A measured phase: its latencies and answers, and what it cost in CPU when the server runs here. */
    private record Phase(Recorder recorder, CpuMeter.Reading cpu) {
    }

    private Phase drive(Driver.CallSource source, Duration warmup, Duration duration, BenchServer target)
            throws Exception {
        Recorder recorder = new Recorder();
        Duration warmedUp = warmUp(warmup, target, phase -> run(source, phase, recorder));
        analyze(target);
        recorder.reset();
        CpuMeter cpu = target.cpu();
        if (cpu != null) {
            cpu.start();
        }
        double compiledBefore = target.compiledSeconds();
        run(source, duration, recorder);
        CpuMeter.Reading reading = cpu == null ? null : cpu.stop();
        String jit = Double.isNaN(compiledBefore) ? ""
                : String.format("; the server's JIT compiled for %.1f s while measured",
                target.compiledSeconds() - compiledBefore);
        out.println((options.containsKey("rate")
                ? String.format("open loop at %.0f requests/s", Double.parseDouble(option("rate", "50")))
                : String.format("closed loop, %d at a time", Integer.parseInt(option("concurrency", "8"))))
                + String.format(" for %d s after %d s of warm-up%s", duration.toSeconds(), warmedUp.toSeconds(), jit));
        return new Phase(recorder, reading);
    }

    /**
     * Drives the warm-up for {@code warmup}, then, unless --warmup-jit=false, on in steps while the
     * target's JIT compilers are still busy, up to --warmup-max. A server compiles for minutes under a
     * new load (Signflow's code, Spring's and the engine's reach C2 one path after another), and a phase
     * measured meanwhile counts the compiler's CPU against the requests; the two sides of a ratio, with
     * code bases of different size, settle at different times.
     */
    private Duration warmUp(Duration warmup, BenchServer target, WarmupLoad load) throws Exception {
        load.drive(warmup);
        Duration spent = warmup;
        Duration most = duration("warmup-max", "5m");
        double compiled = target.compiledSeconds();
        while (Boolean.parseBoolean(option("warmup-jit", "true")) && !Double.isNaN(compiled)
                && spent.compareTo(most) < 0) {
            load.drive(WARMUP_STEP);
            spent = spent.plus(WARMUP_STEP);
            double now = target.compiledSeconds();
            if (now - compiled < SETTLED_COMPILE_SECONDS) {
                break;
            }
            compiled = now;
        }
        return spent;
    }

    /**
     * Brings the planner's statistics of a database made here up to date before a measured phase, as
     * autovacuum would have after the warm-up's writes (the benchmark machine's autovacuum is off;
     * --analyze=false measures the plans chosen for the tables as they were when first read). Without
     * it the engine read a job's variables in 90 ms instead of 0.03 (BENCHMARKS.md, eleventh series).
     */
    private void analyze(BenchServer target) throws SQLException {
        if (Boolean.parseBoolean(option("analyze", "true")) && target.analyze()) {
            out.println("planner statistics refreshed (analyze)");
        }
    }

    /** The load a warm-up drives, for as long as it is asked to. */
    private interface WarmupLoad {
        void drive(Duration length) throws InterruptedException;
    }

    private void run(Driver.CallSource source, Duration phase, Recorder recorder) throws InterruptedException {
        if (options.containsKey("rate")) {
            Driver.openLoop(source, Double.parseDouble(option("rate", "50")), phase, recorder);
        } else {
            Driver.closedLoop(source, Integer.parseInt(option("concurrency", "8")), phase, recorder);
        }
    }

    /**
     * Creation, and beside it the engine's own limit: {@link BaselineEngine}, started here on the same
     * PostgreSQL, driven with the same requests the same way, the two one after the other in each of
     * --rounds rounds. --baseline=false leaves it out; against a server elsewhere (--url) it is left out
     * unless asked for.
     */
    private void create(int flows) throws Exception {
        if (!Boolean.parseBoolean(option("baseline", Boolean.toString(!options.containsKey("url"))))) {
            Recorder recorder = drive(creations(flows, false), duration("warmup", "10s"), duration("duration", "30s"));
            out.printf("groups of %d sub-contracts, 2 signers each%n", flows);
            recorder.print(out);
            out.println(pgbench());
            return;
        }
        List<String> rows = new ArrayList<>();
        try (BenchServer baseline = BenchServer.startBaseline(serverArguments)) {
            Map<Tenant, ApiClient> toBaseline = new HashMap<>();
            tenants.forEach(t -> toBaseline.put(t, new ApiClient(baseline.port(), t.api().secretId(), t.api().secretKey())));
            for (int round = 1; round <= Integer.parseInt(option("rounds", "1")); round++) {
                Phase engine = drive(creations(flows, false, toBaseline::get), duration("warmup", "10s"),
                        duration("duration", "30s"), baseline);
                double engineRate = engine.recorder().rate("CreateFlowGroupByFiles");
                Phase signflow = drive(creations(flows, false), duration("warmup", "10s"), duration("duration", "30s"),
                        server);
                double signflowRate = signflow.recorder().rate("CreateFlowGroupByFiles");
                double engineCpu = cpuPerGroup(engine);
                rows.add(creationRow(round, "baseline", engine, engineRate, engineRate, engineCpu));
                rows.add(creationRow(round, "signflow", signflow, signflowRate, engineRate, engineCpu));
            }
        }
        out.printf("groups of %d sub-contracts, 2 signers each; %s%n", flows, pgbench());
        out.println("CPU ms/group: the server process, and the PostgreSQL backends of its database, per created group;"
                + " x baseline: throughput, and CPU per group as the baseline's over this one's (1 = as cheap)");
        out.printf("%-6s %-10s %10s %8s %8s %8s %11s %12s %10s %15s%n", "round", "server", "groups/s", "p50 ms",
                "p99 ms", "errors", "x baseline", "server CPU", "db CPU", "CPU x baseline");
        rows.forEach(out::println);
    }

    /** CPU milliseconds, server and database together, per group the phase created. */
    private static double cpuPerGroup(Phase phase) {
        var ok = phase.recorder().histogram("CreateFlowGroupByFiles", "OK");
        return ok == null || phase.cpu() == null ? Double.NaN : phase.cpu().totalMillis() / ok.getTotalCount();
    }

    private static String creationRow(int round, String server, Phase phase, double rate, double baselineRate,
                                      double baselineCpuPerGroup) {
        var ok = phase.recorder().histogram("CreateFlowGroupByFiles", "OK");
        long groups = ok == null ? 0 : ok.getTotalCount();
        // a server elsewhere (--url) is not measured: NaN
        CpuMeter.Reading cpu = phase.cpu() == null ? new CpuMeter.Reading(Double.NaN, Double.NaN) : phase.cpu();
        return String.format("%-6d %-10s %10.1f %8.1f %8.1f %8d %11.2f %12.1f %10.1f %15.2f", round, server, rate,
                ok == null ? 0 : Recorder.ms(ok.getValueAtPercentile(50)),
                ok == null ? 0 : Recorder.ms(ok.getValueAtPercentile(99)), phase.recorder().errors(), rate / baselineRate,
                cpu.serverMillis() / groups, cpu.databaseMillis() / groups,
                baselineCpuPerGroup / cpuPerGroup(phase));
    }

    /**
     * What keyword placement adds to creation: groups of 3 contracts on a 10-page PDF whose person's
     * signature is placed by coordinates, then by a keyword on the last page (GenerateMode KEYWORD), on
     * the same server and files, alternating for --rounds rounds. Each organization's file is read for
     * its text once, by its first keyword group (in the warm-up); KeywordPlacementBench prints that cost.
     */
    private void keyword() throws Exception {
        Map<Tenant, String> tenPages = new HashMap<>();
        for (Tenant tenant : tenants) {
            tenPages.put(tenant, tenant.api().ok("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                    "Caller", Map.of("OperatorId", tenant.operatorId()), "FileInfos", List.of(Map.of(
                            "FileName", "ten-pages.pdf", "FileBody", TestPdfs.base64(KeywordPlacementBench.tenPages())))))
                    .get("FileIds").get(0).asText());
        }
        List<String> rows = new ArrayList<>();
        double coordinatesCpu = Double.NaN;
        for (int round = 1; round <= Integer.parseInt(option("rounds", "2")); round++) {
            for (boolean byKeyword : new boolean[] {false, true}) {
                Phase phase = drive(() -> {
                    Tenant tenant = tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
                    ObjectNode person = Requests.person("测试", Tenants.mobile());
                    if (byKeyword) {
                        ObjectNode control = (ObjectNode) person.get("SignComponents").get(0);
                        control.remove(List.of("ComponentPage", "ComponentPosX", "ComponentPosY"));
                        control.put("GenerateMode", "KEYWORD").put("ComponentId", KeywordPlacementBench.KEYWORD);
                    }
                    ObjectNode request = Requests.group(tenant, 3, List.of(Requests.autoSigner(tenant), person));
                    request.get("FlowGroupInfos").forEach(info -> ((ObjectNode) info).putArray("FileIds")
                            .add(tenPages.get(tenant)));
                    return () -> new String[] {"CreateFlowGroupByFiles",
                            tenant.api().code("CreateFlowGroupByFiles", request)};
                }, duration("warmup", "20s"), duration("duration", "30s"), server);
                double cpu = cpuPerGroup(phase);
                if (!byKeyword) {
                    coordinatesCpu = cpu;
                }
                var ok = phase.recorder().histogram("CreateFlowGroupByFiles", "OK");
                rows.add(String.format("%-6d %-12s %10.1f %8.1f %8.1f %8d %12.1f %12.2f", round,
                        byKeyword ? "keyword" : "coordinates", phase.recorder().rate("CreateFlowGroupByFiles"),
                        ok == null ? 0 : Recorder.ms(ok.getValueAtPercentile(50)),
                        ok == null ? 0 : Recorder.ms(ok.getValueAtPercentile(99)),
                        phase.recorder().errors(), cpu, cpu / coordinatesCpu));
            }
        }
        out.println("groups of 3 contracts on a 10-page PDF; CPU ms/group: server and database; x coordinates: "
                + "CPU per group against the coordinates phase before it");
        out.printf("%-6s %-12s %10s %8s %8s %8s %12s %12s%n", "round", "placement", "groups/s", "p50 ms", "p99 ms",
                "errors", "CPU ms/group", "x coordinates");
        rows.forEach(out::println);
    }

    /** The database's pace beside the creation figures, unless --pgbench=false. */
    private String pgbench() {
        return Boolean.parseBoolean(option("pgbench", "true")) ? PgBench.figure() : "pgbench: not asked for";
    }

    /** Time per group and per sub-contract at 2, 3, 10 and 50 sub-contracts, one size after the other. */
    private void scaling() throws Exception {
        Map<Integer, Double> p50 = new java.util.LinkedHashMap<>();
        for (int flows : new int[] {3, 2, 10, 50}) {
            Recorder recorder = drive(creations(flows, false), duration("warmup", "10s"), duration("duration", "30s"));
            double median = Recorder.ms(recorder.histogram("CreateFlowGroupByFiles").getValueAtPercentile(50));
            p50.put(flows, median);
            out.printf("%2d sub-contracts: %s%n", flows, "");
            recorder.print(out);
        }
        out.printf("%-14s %12s %16s %14s%n", "sub-contracts", "p50 ms/group", "ms/sub-contract", "x 3-group");
        p50.forEach((flows, median) -> out.printf("%-14d %12.1f %16.2f %14.2f%n", flows, median, median / flows,
                median / p50.get(3)));
    }

    /**
     * Groups whose signers are all auto-signers, from request to completed group with sealed PDFs and
     * delivered callbacks: completed groups per second, and the job backlog over time. It ends when
     * every accepted group has completed and all its callbacks have arrived.
     */
    /** Each of the 3 contracts: start, the auto-signer's signature and finish; and the group's own. */
    private static final int CALLBACKS_PER_GROUP = 3 * 3 + 1;

    private void endToEnd() throws Exception {
        endToEnd(Double.parseDouble(option("rate", "20")), duration("duration", "30s"));
    }

    /** What an end-to-end run measured: groups created and completed while the load ran, and the drain after it. */
    private record EndToEnd(long created, double completedDuringLoad, double loadSeconds, Double drainedAfterLoad) {
    }

    private EndToEnd endToEnd(double rate, Duration duration) throws Exception {
        openGroups(Integer.parseInt(option("open-groups", "0")));
        CallbackReceiver receiver = new CallbackReceiver(() -> 200);
        AdminClient admin = new AdminClient(server.port(), server.adminPassword());
        for (Tenant tenant : tenants) {
            admin.send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                    Map.of("url", receiver.url()), true);
        }
        double completedBefore = server.metric("signflow_groups", "status=\"COMPLETED\"");
        Recorder recorder = new Recorder();
        Thread load = new Thread(() -> {
            try {
                Driver.openLoop(creations(3, true), rate, duration, recorder);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        load.start();
        out.printf("%6s %10s %10s %10s %10s%n", "second", "created", "completed", "jobs due", "callbacks");
        Double drainedAfterLoad = null;
        Long loadEnded = null;
        double completed = 0;
        double completedDuringLoad = 0;
        long nextRow = 0;
        // one reading a second at most; the seconds printed are the time since the load began
        while (System.nanoTime() - start < duration.plusMinutes(10).toNanos()) {
            Thread.sleep(1000);
            String metrics = server.metrics();
            completed = BenchServer.metric(metrics, "signflow_groups", "status=\"COMPLETED\"") - completedBefore;
            double due = BenchServer.metric(metrics, "signflow_jobs_due", null);
            long created = recorder.histogram("CreateFlowGroupByFiles") == null ? 0
                    : recorder.histogram("CreateFlowGroupByFiles").getTotalCount();
            long now = System.nanoTime();
            if (loadEnded == null && !load.isAlive()) {
                loadEnded = now;
                completedDuringLoad = completed;
            }
            boolean done = loadEnded != null && completed >= created - recorder.errors()
                    && receiver.received().size() >= completed * CALLBACKS_PER_GROUP;
            long second = (now - start) / 1_000_000_000L;
            if (second >= nextRow || done) {
                out.printf("%6d %10d %10.0f %10.0f %10d%n", second, created, completed, due, receiver.received().size());
                nextRow = second + 5;
            }
            if (done) {
                drainedAfterLoad = Math.round((now - loadEnded) / 1e8) / 10.0;
                break;
            }
        }
        load.join();
        receiver.close();
        recorder.print(out);
        out.printf("completed groups: %.0f in %.1f s = %.1f groups/s; backlog drained %s s after the load stopped; "
                + "%d callbacks delivered%n", completed, (System.nanoTime() - start) / 1e9,
                completed / ((System.nanoTime() - start) / 1e9), drainedAfterLoad, receiver.received().size());
        var created = recorder.histogram("CreateFlowGroupByFiles", "OK");
        return new EndToEnd(created == null ? 0 : created.getTotalCount(), completedDuringLoad,
                (loadEnded == null ? System.nanoTime() : loadEnded) / 1e9 - start / 1e9, drainedAfterLoad);
    }

    /**
     * Groups of three contracts left waiting for a person's signature, created before the load: a
     * production database holds the contracts open for days, each with its deadline timer among the
     * engine's jobs, which sealing's jobs are acquired from. Then the planner's statistics are brought
     * up to date.
     */
    private void openGroups(int groups) throws Exception {
        if (groups == 0) {
            return;
        }
        AtomicInteger left = new AtomicInteger(groups);
        Driver.CallSource waiting = creations(3, false);
        Recorder recorder = new Recorder();
        Driver.closedLoop(() -> left.getAndDecrement() > 0 ? waiting.next() : null, 4, Duration.ofHours(2), recorder);
        out.printf("%d groups of 3 contracts created and left open, %d refused%n",
                recorder.histogram("CreateFlowGroupByFiles", "OK").getTotalCount(), recorder.errors());
        analyze(server);
    }

    /**
     * One signing action over all ten contracts of a group, through the signer page's API. The first
     * {@code --warmup-groups} are signed before the measured ones, as the other scenarios warm up: until
     * then the server runs the signing path interpreted, and the first signatures after a start tell
     * of the compiler, not of the steady state. They are printed apart, and their contracts are still
     * being sealed while the measured ones are signed.
     */
    private void signing() throws Exception {
        int groups = Integer.parseInt(option("groups", "200"));
        int warmupGroups = Integer.parseInt(option("warmup-groups", "50"));
        AdminClient admin = new AdminClient(server.port(), server.adminPassword());
        ConcurrentLinkedQueue<PreparedSigner> warmup = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<PreparedSigner> measured = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < warmupGroups + groups; i++) {
            Tenant tenant = tenants.get(i % tenants.size());
            String mobile = Tenants.mobile();
            tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 10, List.of(Requests.autoSigner(tenant),
                    Requests.person("签署人", mobile))));
            SignerClient signer = SignerClient.invited(admin, mobile);
            signer.requestCode();
            (i < warmupGroups ? warmup : measured).add(new PreparedSigner(signer, latestCode(admin, signer)));
        }
        out.printf("%d groups of 10 contracts prepared, %d of them to warm up%n", warmupGroups + groups, warmupGroups);
        // the signatures are measured against tables of the size they have now
        analyze(server);
        int concurrency = Integer.parseInt(option("concurrency", "4"));
        Duration limit = Duration.ofSeconds(Long.parseLong(option("seconds", "60")));
        Recorder warmupRecorder = new Recorder();
        Driver.closedLoop(signatures(warmup, "sign (10 contracts), warm-up"), concurrency, limit, warmupRecorder);
        warmupRecorder.print(out);
        Recorder recorder = new Recorder();
        Driver.closedLoop(signatures(measured, "sign (10 contracts)"), concurrency, limit, recorder);
        recorder.print(out);
    }

    private static Driver.CallSource signatures(ConcurrentLinkedQueue<PreparedSigner> signers, String action) {
        String png = SignerClient.signaturePng();
        return () -> {
            PreparedSigner next = signers.poll();
            if (next == null) {
                return null;
            }
            return () -> {
                int status = next.signer().sign(Map.of("code", next.code(), "signatureImage", png)).status();
                return new String[] {action, status == 200 ? "OK" : "HTTP" + status};
            };
        };
    }

    /** A person whose code was read beforehand, so that the timed call is the signing action alone. */
    private record PreparedSigner(SignerClient signer, String code) {
    }

    private static String latestCode(AdminClient admin, SignerClient signer) {
        JsonNode messages = admin.get("/admin/notifications?mobile=" + signer.mobile());
        for (JsonNode message : messages) {
            if (message.get("purpose").asText().equals("VERIFICATION_CODE")) {
                return message.get("code").asText();
            }
        }
        throw new IllegalStateException("no code for " + signer.mobile());
    }

    private static final List<String> READS = List.of("DescribeFlowInfo", "signer page");

    /**
     * An integrator reading its contracts and a signer opening the page, taking turns, each on a group
     * created for them: what the rest of the node answers while creation is offered more than it takes.
     */
    private Driver.CallSource reads() {
        Tenant tenant = tenants.get(0);
        String mobile = Tenants.mobile();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 3,
                List.of(Requests.autoSigner(tenant), Requests.person("读者", mobile))));
        List<String> flowIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        Map<String, Object> describe = Map.of("Operator", Map.of("UserId", tenant.operatorId()), "FlowIds", flowIds);
        SignerClient signer = SignerClient.invited(new AdminClient(server.port(), server.adminPassword()), mobile);
        AtomicInteger turn = new AtomicInteger();
        return () -> turn.getAndIncrement() % 2 == 0
                ? () -> new String[] {READS.get(0), tenant.api().code("DescribeFlowInfo", describe)}
                : () -> {
                    int status = signer.view().status();
                    return new String[] {READS.get(1), status == 200 ? "OK" : "HTTP" + status};
                };
    }

    private interface Load {
        void run() throws InterruptedException;
    }

    /** Runs {@code load} with {@code reads} sent beside it, 4 a second, for the same time. */
    private static void alongside(Driver.CallSource reads, Duration duration, Recorder readRecorder, Load load)
            throws InterruptedException {
        Thread reader = new Thread(() -> {
            try {
                Driver.openLoop(reads, 4, duration, readRecorder);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reads");
        reader.start();
        load.run();
        reader.join();
    }

    /** A long run at a steady rate: memory and latency minute by minute. */
    private void soak() throws Exception {
        double rate = Double.parseDouble(option("rate", "50"));
        int minutes = Integer.parseInt(option("minutes", "10"));
        // the server compiles its hot paths during the first minutes; those minutes are run but not counted
        int warmupMinutes = Integer.parseInt(option("warmup-minutes", "1"));
        out.printf("%6s %10s %12s %10s %10s %8s%n", "minute", "RSS MB", "heap-GC MB", "p50 ms", "p99 ms", "errors");
        List<double[]> rows = new ArrayList<>();
        Map<String, Long> notOk = new TreeMap<>();
        for (int minute = 1 - warmupMinutes; minute <= minutes; minute++) {
            if (minute == 1) {
                analyze(server);
            }
            Recorder recorder = new Recorder();
            Driver.openLoop(creations(3, false), rate, Duration.ofMinutes(1), recorder);
            if (minute <= 0) {
                continue;
            }
            recorder.codes("CreateFlowGroupByFiles").forEach((code, count) -> {
                if (!code.equals("OK")) {
                    notOk.merge(code, count, Long::sum);
                }
            });
            var h = recorder.histogram("CreateFlowGroupByFiles");
            double[] row = {minute, server.rssMegabytes(), server.heapAfterGcMegabytes(),
                    Recorder.ms(h.getValueAtPercentile(50)), Recorder.ms(h.getValueAtPercentile(99)), recorder.errors()};
            rows.add(row);
            out.printf("%6.0f %10.0f %12.1f %10.1f %10.1f %8.0f%n", row[0], row[1], row[2], row[3], row[4], row[5]);
        }
        double[] first = rows.get(0);
        double[] last = rows.get(rows.size() - 1);
        // RSS and heap are read only of a server started here (-1 otherwise, or where jcmd gave no answer)
        if (first[1] > 0) {
            out.printf("RSS growth %.1f %%, ", 100 * (last[1] - first[1]) / first[1]);
        }
        if (first[2] > 0) {
            out.printf("heap after GC growth %.1f %%, ", 100 * (last[2] - first[2]) / first[2]);
        }
        out.printf("p99 drift %.1f %%, errors %.0f %s%n", 100 * (last[4] - first[4]) / first[4],
                rows.stream().mapToDouble(r -> r[5]).sum(), notOk);
    }

    /**
     * Offered creations beyond what the server can take, open loop: the maximum is measured first
     * (closed loop, --concurrency at a time, 4 by default), then half of it and twice it are offered
     * for --duration each. Prints the answers by code (no InternalError may be among them), how fast
     * refusals come, accepted latency at twice the maximum against half of it, and, with auto-signed
     * groups at the maximum, how completion keeps pace with creation and how long the backlog takes
     * to drain once the load stops.
     */
    private void overload() throws Exception {
        Duration duration = duration("duration", "20s");
        String action = "CreateFlowGroupByFiles";
        Recorder warmup = new Recorder();
        Duration warmedUp = warmUp(duration("warmup", "20s"), server,
                length -> Driver.closedLoop(creations(3, false), 4, length, warmup));
        analyze(server);
        Recorder closed = new Recorder();
        int concurrency = Integer.parseInt(option("concurrency", "4"));
        Driver.closedLoop(creations(3, false), concurrency, duration("measure", "15s"), closed);
        double max = options.containsKey("max-rate") ? Double.parseDouble(option("max-rate", "0"))
                : closed.codes(action).getOrDefault("OK", 0L) / closed.seconds();
        out.printf("maximum: %.1f groups/s (closed loop, %d at a time, answers %s, after %d s of warm-up); %s%n", max,
                concurrency, closed.codes(action), warmedUp.toSeconds(), pgbench());

        Driver.CallSource reads = reads();
        Recorder half = new Recorder();
        Recorder halfReads = new Recorder();
        alongside(reads, duration, halfReads, () -> Driver.openLoop(creations(3, false), max / 2, duration, half));
        Recorder twice = new Recorder();
        Recorder twiceReads = new Recorder();
        alongside(reads, duration, twiceReads, () -> Driver.openLoop(creations(3, false), max * 2, duration, twice));
        for (var phase : List.of(Map.entry("half the maximum", List.of(half, halfReads)),
                Map.entry("twice the maximum", List.of(twice, twiceReads)))) {
            Recorder recorder = phase.getValue().get(0);
            out.printf("%s, %.1f/s offered for %d s: answers %s%n", phase.getKey(),
                    phase.getKey().startsWith("half") ? max / 2 : max * 2, duration.toSeconds(), recorder.codes(action));
            for (Recorder r : phase.getValue()) {
                for (String name : r == recorder ? List.of(action) : READS) {
                    r.codes(name).keySet().forEach(code -> {
                        var h = r.histogram(name, code);
                        out.printf("  %-20s %-24s %7d  %8.1f/s  p50 %8.1f  p99 %8.1f  max %8.1f ms%n", name, code,
                                h.getTotalCount(), h.getTotalCount() / (double) duration.toSeconds(),
                                Recorder.ms(h.getValueAtPercentile(50)), Recorder.ms(h.getValueAtPercentile(99)),
                                Recorder.ms(h.getMaxValue()));
                    });
                }
            }
        }
        long internalErrors = twice.codes(action).entrySet().stream().filter(e -> e.getKey().startsWith("InternalError"))
                .mapToLong(Map.Entry::getValue).sum()
                + half.codes(action).entrySet().stream().filter(e -> e.getKey().startsWith("InternalError"))
                .mapToLong(Map.Entry::getValue).sum();
        var refused = twice.histogram(action, "RequestLimitExceeded");
        var acceptedTwice = twice.histogram(action, "OK");
        var acceptedHalf = half.histogram(action, "OK");
        out.printf("InternalError answers: %d; refusals' p99 %.1f ms; accepted p99 at twice the maximum %.1f ms, at half %.1f ms"
                        + " (%.1fx); accepted at twice the maximum %.1f/s = %.2f of the maximum%n", internalErrors,
                refused == null ? 0 : Recorder.ms(refused.getValueAtPercentile(99)),
                Recorder.ms(acceptedTwice.getValueAtPercentile(99)), Recorder.ms(acceptedHalf.getValueAtPercentile(99)),
                acceptedTwice.getValueAtPercentile(99) / (double) acceptedHalf.getValueAtPercentile(99),
                acceptedTwice.getTotalCount() / (double) duration.toSeconds(),
                acceptedTwice.getTotalCount() / (double) duration.toSeconds() / max);

        out.printf("auto-signed groups at the maximum, %.1f/s, to completion:%n", max);
        analyze(server);
        EndToEnd e2e = endToEnd(max, duration);
        out.printf("while the load ran: created %.1f groups/s, completed %.1f groups/s (%.2f of created); "
                        + "backlog drained %s s after the load stopped%n", e2e.created() / e2e.loadSeconds(),
                e2e.completedDuringLoad() / e2e.loadSeconds(), e2e.completedDuringLoad() / e2e.created(), e2e.drainedAfterLoad());
    }
}
