package io.signflow.sealing;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where final PDFs are drawn and signed: on this node's sealing threads, one fewer than the cores,
 * at background scheduling priority ({@link BackgroundPriority}). Sealing is pure CPU (tens of
 * milliseconds a contract) and one signature completes up to 50 contracts. Bounded, a seal waits for
 * its turn rather than taking every core; at background priority it takes what requests and
 * PostgreSQL leave, so a signer's next page does not wait behind the seals of the contracts just
 * signed. Sealing cannot starve for long: creation yields to the job backlog (docs/api.md, admission).
 * The job's thread reads what a seal needs and writes its result; only the PDF work runs here, so a
 * sealing thread holds no transaction and no lock a request could wait for. A seal that has waited
 * {@link #MAX_WAIT} to start fails its job, which the engine retries, before the job's lock expires.
 */
@Component
class SealingCapacity implements DisposableBean {

    private static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private final ExecutorService threads;

    SealingCapacity(SealingProperties properties) {
        this.threads = Executors.newFixedThreadPool(bound(properties.concurrency(),
                Runtime.getRuntime().availableProcessors()), backgroundThreads(properties.nice()));
    }

    /** {@code configured}: 0 for one fewer than the processors, at least one. */
    static int bound(int configured, int processors) {
        return configured > 0 ? configured : Math.max(1, processors - 1);
    }

    /** Runs {@code sealing} on a sealing thread and waits for it. */
    <T> T run(Supplier<T> sealing) {
        long queued = System.nanoTime();
        Future<T> result;
        try {
            result = threads.submit(() -> {
                if (System.nanoTime() - queued > MAX_WAIT.toNanos()) {
                    throw new SealingBusy();
                }
                return sealing.get();
            });
        } catch (RejectedExecutionException stopping) {
            throw new SealingBusy();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new SealingBusy();
        } catch (CancellationException stopped) {
            throw new SealingBusy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Seals not started yet end their jobs' wait, which the engine retries, rather than leave them waiting. */
    @Override
    public void destroy() {
        for (Runnable waiting : threads.shutdownNow()) {
            ((Future<?>) waiting).cancel(false);
        }
    }

    private static ThreadFactory backgroundThreads(int nice) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread(nice);
                task.run();
            }, "sealing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The node is stopping, or every sealing thread was busy for {@code MAX_WAIT}: the job is retried. */
    static final class SealingBusy extends RuntimeException {
        SealingBusy() {
            super("No sealing thread was free within " + MAX_WAIT.toSeconds() + " s, or the node is stopping; "
                    + "the job is retried.");
        }
    }
}
