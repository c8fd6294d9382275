package io.signflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A receiver that answers promptly keeps its messages flowing; one that hangs holds only its limit.
 * No test measures the time taken: a waiting delivery is seen waiting (its thread parked on the
 * limit) before the place it waits for is freed.
 */
class InFlightLimitTest {

    private static final Duration LONG_PATIENCE = Duration.ofMinutes(1);
    private final InFlightLimit limit = new InFlightLimit(2);

    private record Waiting(Thread thread, FutureTask<Boolean> acquired) {
    }

    /** A delivery on a thread of its own, returned once that thread waits for a place. */
    private static Waiting waiting(Callable<Boolean> delivery) {
        FutureTask<Boolean> acquired = new FutureTask<>(delivery);
        Thread thread = new Thread(acquired, "waiting-delivery");
        thread.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> thread.getState() == Thread.State.TIMED_WAITING);
        return new Waiting(thread, acquired);
    }

    @Test
    void aPlaceFreedWhileADeliveryWaitsIsTakenByIt() throws Exception {
        assertThat(limit.tryAcquire("https://fast.example", Duration.ZERO)).isTrue();
        assertThat(limit.tryAcquire("https://fast.example", Duration.ZERO)).isTrue();
        Waiting waiting = waiting(() -> limit.tryAcquire("https://fast.example", LONG_PATIENCE));

        limit.release("https://fast.example");

        assertThat(waiting.acquired().get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(limit.tryAcquire("https://fast.example", Duration.ZERO)).as("the place went to the waiter")
                .isFalse();
    }

    @Test
    void aReceiverThatHoldsItsPlacesIsRefusedWhenThePatienceEndsAndOthersAreNot() {
        assertThat(limit.tryAcquire("https://hangs.example", Duration.ZERO)).isTrue();
        assertThat(limit.tryAcquire("https://hangs.example", Duration.ZERO)).isTrue();

        assertThat(limit.tryAcquire("https://hangs.example", Duration.ofMillis(50))).isFalse();
        assertThat(limit.tryAcquire("https://hangs.example", Duration.ZERO)).isFalse();
        assertThat(limit.tryAcquire("https://other.example", Duration.ZERO)).isTrue();

        limit.release("https://hangs.example");
        assertThat(limit.tryAcquire("https://hangs.example", Duration.ZERO)).isTrue();
    }

    @Test
    void aWaitingDeliveryThatIsInterruptedGivesUpAndKeepsTheInterrupt() throws Exception {
        limit.tryAcquire("https://hangs.example", Duration.ZERO);
        limit.tryAcquire("https://hangs.example", Duration.ZERO);
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Waiting waiting = waiting(() -> {
            boolean acquired = limit.tryAcquire("https://hangs.example", LONG_PATIENCE);
            stillInterrupted.set(Thread.currentThread().isInterrupted());
            return acquired;
        });

        waiting.thread().interrupt();

        assertThat(waiting.acquired().get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(stillInterrupted).isTrue();
    }
}
