package io.signflow.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the relay's deliveries as sent, all those of an interval in one write, instead of a commit
 * for each (a creation alone sends its first signer's invitation and, to a callback address, its
 * contracts' callbacks). Until it is written a delivered message keeps the lease of its attempt, so
 * no node takes it again meanwhile; should this node stop before the write, the lease runs out and
 * the message is sent once more, as after a crash in the middle of any delivery (receivers already
 * expect a repeat, docs/callbacks.md). A failed write is tried again at the next interval.
 */
final class SentMarks {

    private static final Logger log = LoggerFactory.getLogger(SentMarks.class);
    private final OutboxRepository repository;
    private final Queue<OutboxRepository.Sent> waiting = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outbox-sent-marks");
        thread.setDaemon(true);
        return thread;
    });

    SentMarks(OutboxRepository repository, Duration interval) {
        this.repository = repository;
        writer.scheduleWithFixedDelay(this::write, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void add(String id, OffsetDateTime sentAt) {
        waiting.add(new OutboxRepository.Sent(id, sentAt));
    }

    private void write() {
        List<OutboxRepository.Sent> marks = new ArrayList<>();
        for (OutboxRepository.Sent mark = waiting.poll(); mark != null; mark = waiting.poll()) {
            marks.add(mark);
        }
        if (marks.isEmpty()) {
            return;
        }
        try {
            repository.markSent(marks);
        } catch (RuntimeException e) {
            // the database is away (a restart, a failover): the leases hold until the next interval's try
            waiting.addAll(marks);
            log.warn("{} deliveries could not be recorded yet: {}", marks.size(), e.getMessage());
        }
    }

    /** Stops the interval and writes what is waiting, while the database is still there. */
    void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }
}
