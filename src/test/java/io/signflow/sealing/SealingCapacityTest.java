package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SealingCapacityTest {

    @Test
    void leavesACoreToRequestsUnlessConfigured() {
        assertThat(SealingCapacity.bound(0, 8)).isEqualTo(7);
        assertThat(SealingCapacity.bound(0, 2)).isEqualTo(1);
        assertThat(SealingCapacity.bound(0, 1)).isEqualTo(1);
        assertThat(SealingCapacity.bound(3, 2)).isEqualTo(3);
    }

    @Test
    void sealsOnItsOwnThreadsAtBackgroundPriorityWhileTheCallerKeepsItsOwn() {
        assumeThat(Path.of("/proc/thread-self/stat")).exists();
        SealingCapacity capacity = new SealingCapacity(properties(19));
        try {
            int callerNice = niceOfThisThread();

            assertThat(capacity.run(() -> Thread.currentThread().getName())).startsWith("sealing-");
            assertThat(capacity.run(SealingCapacityTest::niceOfThisThread)).isEqualTo(19);
            assertThat(niceOfThisThread()).isEqualTo(callerNice);
        } finally {
            capacity.destroy();
        }
    }

    @Test
    void leavesThePriorityAloneWhenToldSo() {
        assumeThat(Path.of("/proc/thread-self/stat")).exists();
        SealingCapacity capacity = new SealingCapacity(properties(0));
        try {
            assertThat(capacity.run(SealingCapacityTest::niceOfThisThread)).isEqualTo(niceOfThisThread());
        } finally {
            capacity.destroy();
        }
    }

    @Test
    void givesTheCallerTheSealsOwnFailure() {
        SealingCapacity capacity = new SealingCapacity(properties(19));
        try {
            assertThatThrownBy(() -> capacity.run(() -> {
                throw new UncheckedIOException(new IOException("broken PDF"));
            })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("broken PDF");
        } finally {
            capacity.destroy();
        }
    }

    @Test
    void refusesWorkOnceStopping() {
        SealingCapacity capacity = new SealingCapacity(properties(19));
        capacity.destroy();

        assertThatThrownBy(() -> capacity.run(() -> "sealed")).isInstanceOf(SealingCapacity.SealingBusy.class);
    }

    @Test
    void aSealStillWaitingWhenTheNodeStopsEndsItsJobsWait() throws Exception {
        SealingCapacity capacity = new SealingCapacity(properties(19));
        CountDownLatch sealing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try {
            jobs.submit(() -> capacity.run(() -> {
                sealing.countDown();
                return awaitQuietly(release);
            }));
            sealing.await();
            Future<String> waiting = jobs.submit(() -> capacity.run(() -> "sealed"));

            capacity.destroy();

            assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SealingCapacity.SealingBusy.class);
        } finally {
            release.countDown();
            jobs.shutdownNow();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static SealingProperties properties(int nice) {
        return new SealingProperties("Signflow", "Signflow operator", "", "", Duration.ofMinutes(5),
                Duration.ofHours(24), ZoneId.of("Asia/Shanghai"), "", Duration.ofSeconds(10), 1, nice);
    }

    /** Field 19 of proc(5)'s stat, counted after the command name, which may hold spaces. */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
