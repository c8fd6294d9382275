package io.signflow.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes delivered messages once they are older than {@code signflow.outbox.retention} (30 days), so
 * the outbox does not grow forever. Only delivered ones: a message still waiting, or one whose retries
 * ended in an incident, stays until it is delivered. What a contract's life was is in the audit trail,
 * which this does not touch.
 *
 * <p>Every node runs it. That is safe without electing one: a delete of rows another node has just
 * deleted deletes nothing, and it works in batches, each its own short statement, so it never holds
 * many rows' locks against the relay's updates.
 */
@Component
public class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final OutboxProperties properties;
    private final Clock clock;

    public OutboxRetention(JdbcClient jdbc, OutboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${signflow.outbox.purge-interval:1h}",
            initialDelayString = "${signflow.outbox.purge-interval:1h}")
    void scheduled() {
        try {
            int removed = purge();
            if (removed > 0) {
                log.info("Removed {} delivered outbox messages older than {}", removed, properties.retention());
            }
        } catch (RuntimeException e) {
            // the database is away: the next run tries again
            log.warn("Outbox purge failed: {}", e.getMessage());
        }
    }

    /** Removes the delivered messages sent before now less the retention; returns how many. */
    public int purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(properties.retention());
        int total = 0;
        int removed;
        do {
            removed = jdbc.sql("delete from outbox_message where id in (select id from outbox_message "
                            + "where status = 'SENT' and sent_at < ? order by sent_at limit ?)")
                    .params(cutoff, BATCH).update();
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
