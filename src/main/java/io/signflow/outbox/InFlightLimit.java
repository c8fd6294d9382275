package io.signflow.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How many deliveries to one receiver may wait for its answer at once on this node. A receiver that
 * hangs then holds that many delivery threads (and message-delivery jobs) at most, and every other
 * receiver, and the engine's other jobs, keep theirs. A delivery that finds the receiver at its limit
 * may wait a moment for a place: a receiver that answers promptly frees one within that moment, so
 * its messages keep flowing, while one that hangs costs the waiting thread no more than the moment.
 */
final class InFlightLimit {

    private final int limit;
    private final Map<String, Integer> inFlight = new HashMap<>();

    InFlightLimit(int limit) {
        this.limit = limit;
    }

    /**
     * True when the delivery may start, within {@code patience}; it must then {@link #release} the
     * receiver when it ends.
     */
    synchronized boolean tryAcquire(String receiver, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (inFlight.getOrDefault(receiver, 0) >= limit) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        inFlight.merge(receiver, 1, Integer::sum);
        return true;
    }

    synchronized void release(String receiver) {
        inFlight.computeIfPresent(receiver, (key, count) -> count <= 1 ? null : count - 1);
        notifyAll();
    }
}
