package io.signflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A receiver that answers promptly keeps its messages flowing; one that hangs holds only its limit. */
class InFlightLimitTest {

    private static final Duration PATIENCE = Duration.ofMillis(500);
    private final InFlightLimit limit = new InFlightLimit(2);

    @Test
    void aPlaceFreedWithinThePatienceIsTaken() throws Exception {
        assertThat(limit.tryAcquire("https://fast.example", Duration.ZERO)).isTrue();
        assertThat(limit.tryAcquire("https://fast.example", Duration.ZERO)).isTrue();
        CompletableFuture.runAsync(() -> limit.release("https://fast.example"),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));

        long started = System.nanoTime();
        assertThat(limit.tryAcquire("https://fast.example", PATIENCE)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PATIENCE);
    }

    @Test
    void aReceiverThatHoldsItsPlacesIsRefusedAfterThePatienceAndOthersAreNot() {
        assertThat(limit.tryAcquire("https://hangs.example", Duration.ZERO)).isTrue();
        assertThat(limit.tryAcquire("https://hangs.example", Duration.ZERO)).isTrue();

        long started = System.nanoTime();
        assertThat(limit.tryAcquire("https://hangs.example", PATIENCE)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(PATIENCE);
        assertThat(limit.tryAcquire("https://other.example", Duration.ZERO)).isTrue();

        limit.release("https://hangs.example");
        assertThat(limit.tryAcquire("https://hangs.example", Duration.ZERO)).isTrue();
    }
}
