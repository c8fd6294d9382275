package io.signflow.outbox;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.time.Duration;

/**
 * How many deliveries to one receiver may wait for its answer at once on this node: a Resilience4j
 * bulkhead per receiver, as the API bounds its requests in progress. A receiver that hangs then holds
 * that many delivery threads (and message-delivery jobs) at most, and every other receiver, and the
 * engine's other jobs, keep theirs. A delivery that finds the receiver at its limit waits up to
 * {@code patience} for a place: a receiver that answers promptly frees one within that moment, so its
 * messages keep flowing, while one that hangs costs the waiting thread no more than the moment.
 */
final class InFlightLimit {

    private final BulkheadRegistry receivers;

    InFlightLimit(int limit, Duration patience) {
        this.receivers = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(limit)
                .maxWaitDuration(patience).build());
    }

    /** True when the delivery may start; it must then {@link #release} the receiver when it ends. */
    boolean tryAcquire(String receiver) {
        return bulkhead(receiver).tryAcquirePermission();
    }

    void release(String receiver) {
        bulkhead(receiver).onComplete();
    }

    /** Places still free for the receiver. */
    int available(String receiver) {
        return bulkhead(receiver).getMetrics().getAvailableConcurrentCalls();
    }

    private Bulkhead bulkhead(String receiver) {
        return receivers.bulkhead(receiver);
    }
}
