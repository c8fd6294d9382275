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

    private final InFlightLimit patient = new InFlightLimit(2, Duration.ofMinutes(1));
    private final InFlightLimit brief = new InFlightLimit(2, Duration.ofMillis(50));

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
        assertThat(patient.tryAcquire("https://fast.example")).isTrue();
        assertThat(patient.tryAcquire("https://fast.example")).isTrue();
        Waiting waiting = waiting(() -> patient.tryAcquire("https://fast.example"));

        patient.release("https://fast.example");

        assertThat(waiting.acquired().get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(patient.available("https://fast.example")).as("the place went to the waiter").isZero();
    }

    @Test
    void aReceiverThatHoldsItsPlacesIsRefusedWhenThePatienceEndsAndOthersAreNot() {
        assertThat(brief.tryAcquire("https://hangs.example")).isTrue();
        assertThat(brief.tryAcquire("https://hangs.example")).isTrue();

        assertThat(brief.tryAcquire("https://hangs.example")).isFalse();
        assertThat(brief.tryAcquire("https://hangs.example")).isFalse();
        assertThat(brief.tryAcquire("https://other.example")).isTrue();

        brief.release("https://hangs.example");
        assertThat(brief.tryAcquire("https://hangs.example")).isTrue();
    }

    @Test
    void aWaitingDeliveryThatIsInterruptedGivesUpAndKeepsTheInterrupt() throws Exception {
        patient.tryAcquire("https://hangs.example");
        patient.tryAcquire("https://hangs.example");
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Waiting waiting = waiting(() -> {
            boolean acquired = patient.tryAcquire("https://hangs.example");
            stillInterrupted.set(Thread.currentThread().isInterrupted());
            return acquired;
        });

        waiting.thread().interrupt();

        assertThat(waiting.acquired().get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(stillInterrupted).isTrue();
    }
}
