package io.signflow.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Sends requests open-loop (at a fixed rate, whatever the answers) or closed-loop (N at a time). */
final class Driver {

    /** One request: performs it and returns its action and answer code. */
    interface Call {
        String[] run();
    }

    interface CallSource {
        /** The next call; null when there is nothing left (a closed loop then stops early). */
        Call next();
    }

    static void openLoop(CallSource source, double perSecond, Duration duration, Recorder recorder) throws InterruptedException {
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(256);
        try {
            for (long due = start; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long scheduled = due;
                Call call = source.next();
                pool.execute(() -> {
                    String[] result = call.run();
                    recorder.record(result[0], scheduled, result[1]);
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }
    }

    static void closedLoop(CallSource source, int concurrency, Duration duration, Recorder recorder) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    Call call = source.next();
                    if (call == null) {
                        return;
                    }
                    long started = System.nanoTime();
                    String[] result = call.run();
                    recorder.record(result[0], started, result[1]);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 300, TimeUnit.SECONDS);
    }

    private Driver() {
    }
}
