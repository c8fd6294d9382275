package io.signflow.sealing;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * How many final PDFs are drawn and signed at once on this node. Sealing is pure CPU (about 20 ms a
 * contract), and one signature completes up to 50 contracts whose seals the job executor's threads
 * would all run at once: on a small machine they took every core, and signers waited behind them for
 * their next page. Bounded to one fewer than the cores, a seal waits for its turn instead, and request
 * threads keep a core. A seal that waits longer than {@code maxWait} fails its job, which the engine
 * retries.
 */
@Component
class SealingCapacity {

    private final Bulkhead bulkhead;

    SealingCapacity(SealingProperties properties) {
        this.bulkhead = Bulkhead.of("sealing", BulkheadConfig.custom()
                .maxConcurrentCalls(bound(properties.concurrency(), Runtime.getRuntime().availableProcessors()))
                .maxWaitDuration(Duration.ofMinutes(1)).build());
    }

    /** {@code configured}: 0 for one fewer than the processors, at least one. */
    static int bound(int configured, int processors) {
        return configured > 0 ? configured : Math.max(1, processors - 1);
    }

    <T> T run(Supplier<T> sealing) {
        return bulkhead.executeSupplier(sealing);
    }
}
