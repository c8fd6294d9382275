package io.signflow.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own pace on this machine at the moment of a run: {@code pgbench -N -c 4 -j 2 -T 10}
 * (simple updates, 4 clients) against a scratch database on 127.0.0.1:5432 as user postgres, printed
 * beside creation figures so that a run on a busy machine shows it. Without pgbench, or without that
 * server, it says so instead.
 */
final class PgBench {

    /** One of its own per run: several runs may share the server. */
    private static final String DATABASE = "signflow_pgbench_" + ProcessHandle.current().pid();
    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+)");

    private PgBench() {
    }

    /** "pgbench -N -c 4 -j 2 -T 10: 1234 tps", or why there is no figure. */
    static String figure() {
        try {
            run(List.of("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE));
            run(List.of("createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE));
            run(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-i", "-q", DATABASE));
            Matcher tps = TPS.matcher(run(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-N", "-c", "4", "-j", "2",
                    "-T", "10", DATABASE)));
            run(List.of("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE));
            return tps.find() ? "pgbench -N -c 4 -j 2 -T 10: " + Math.round(Double.parseDouble(tps.group(1))) + " tps"
                    : "pgbench -N -c 4 -j 2 -T 10: no tps in its output";
        } catch (IOException e) {
            return "pgbench: not run (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "pgbench: interrupted";
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }
}
