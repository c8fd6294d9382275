package io.signflow.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many deliveries to one receiver may wait for its answer at once on this node. A receiver that
 * hangs then holds that many delivery threads (and message-delivery jobs) at most, and every other
 * receiver, and the engine's other jobs, keep theirs.
 */
final class InFlightLimit {

    private final int limit;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    InFlightLimit(int limit) {
        this.limit = limit;
    }

    /** True when the delivery may start; it must then {@link #release} the receiver when it ends. */
    boolean tryAcquire(String receiver) {
        boolean[] acquired = {false};
        inFlight.compute(receiver, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) {
                return count;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    void release(String receiver) {
        inFlight.computeIfPresent(receiver, (key, count) -> count <= 1 ? null : count - 1);
    }
}
