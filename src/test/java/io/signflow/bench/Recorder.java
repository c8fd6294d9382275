package io.signflow.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies per action (HdrHistogram, microseconds, measured from when a request was due, so a
 * server that falls behind shows it instead of slowing the load down) and answers per error code.
 */
final class Recorder {

    private final ConcurrentMap<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> codes = new ConcurrentHashMap<>();
    /** The same latencies again per action and answer code, so that refusals and successes are told apart. */
    private final ConcurrentMap<String, Histogram> latenciesByCode = new ConcurrentHashMap<>();
    private volatile long startedNanos = System.nanoTime();

    void record(String action, long dueNanos, String code) {
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - dueNanos);
        long value = Math.max(1, Math.min(micros, TimeUnit.MINUTES.toMicros(10)));
        latencies.computeIfAbsent(action, a -> newHistogram()).recordValue(value);
        latenciesByCode.computeIfAbsent(action + " " + code, a -> newHistogram()).recordValue(value);
        codes.computeIfAbsent(action + " " + code, c -> new LongAdder()).increment();
    }

    private static Histogram newHistogram() {
        return new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    /** Latencies of the answers to {@code action} with {@code code} ("OK" for success); null when there were none. */
    Histogram histogram(String action, String code) {
        return latenciesByCode.get(action + " " + code);
    }

    /** Answer codes to {@code action} and how many times each came. */
    Map<String, Long> codes(String action) {
        Map<String, Long> counts = new TreeMap<>();
        codes.forEach((key, count) -> {
            if (key.startsWith(action + " ")) {
                counts.put(key.substring(action.length() + 1), count.sum());
            }
        });
        return counts;
    }

    /** Forgets everything so far: what the warm-up recorded does not count. */
    void reset() {
        latencies.clear();
        latenciesByCode.clear();
        codes.clear();
        startedNanos = System.nanoTime();
    }

    long errors() {
        return codes.entrySet().stream().filter(e -> !e.getKey().endsWith(" OK")).mapToLong(e -> e.getValue().sum()).sum();
    }

    Histogram histogram(String action) {
        return latencies.get(action);
    }

    /** Successful answers to {@code action} per second since the last reset: read it as soon as a phase ends. */
    double rate(String action) {
        return codes(action).getOrDefault("OK", 0L) / seconds();
    }

    double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    void print(PrintStream out) {
        double seconds = seconds();
        out.printf("%-28s %8s %7s %9s %9s %9s %9s %9s%n", "action", "count", "errors", "per s", "p50 ms", "p95 ms",
                "p99 ms", "max ms");
        for (Map.Entry<String, Histogram> e : new TreeMap<>(latencies).entrySet()) {
            Histogram h = e.getValue();
            long errors = codes.entrySet().stream().filter(c -> c.getKey().startsWith(e.getKey() + " ")
                    && !c.getKey().endsWith(" OK")).mapToLong(c -> c.getValue().sum()).sum();
            out.printf("%-28s %8d %7d %9.1f %9.1f %9.1f %9.1f %9.1f%n", e.getKey(), h.getTotalCount(), errors,
                    h.getTotalCount() / seconds, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
        }
        codes.forEach((key, count) -> {
            if (!key.endsWith(" OK")) {
                out.printf("  error %s: %d%n", key, count.sum());
            }
        });
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }
}
