package io.signflow.process;

import io.signflow.api.CompletionBacklog;
import java.sql.Timestamp;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts once a second the jobs due and not done yet (sealing, deadlines that came due, retried callbacks:
 * the work that finishes contracts already created) and tells admission, so that creation yields to
 * them ({@link CompletionBacklog}).
 *
 * <p>{@code ACT_RU_JOB} also holds the deadline timer of every open contract, so a count that read the
 * whole table would grow with the contracts waiting for signatures: the engine's own query
 * ({@code createJobQuery().executable().count()}) scanned it, 25.5 ms a count with 56,000 of them
 * (BENCHMARKS.md, eleventh series). This count reads the due jobs alone, through {@link
 * JobDueDateIndex}, and stops at {@link CompletionBacklog#dueJobsWorthCounting()}. It asks what the
 * engine's query asks, but for the suspension, read from the job row, which the engine suspends with its
 * instance; the undated and the dated are counted apart, each ordered as the index is, so that
 * PostgreSQL takes the index even for a table it has no statistics of yet.
 */
@Component
class DueJobsCounter {

    private static final Logger log = LoggerFactory.getLogger(DueJobsCounter.class);
    private static final String DUE = """
            select (select count(*) from (select 1 from ACT_RU_JOB
                        where DUEDATE_ is null and RETRIES_ > 0 and SUSPENSION_STATE_ = 1 limit :enough) undated)
                 + (select count(*) from (select 1 from ACT_RU_JOB
                        where DUEDATE_ <= :now and RETRIES_ > 0 and SUSPENSION_STATE_ = 1
                        order by DUEDATE_ limit :enough) dated)""";
    private final JdbcClient jdbc;
    private final CompletionBacklog backlog;

    DueJobsCounter(JdbcClient jdbc, CompletionBacklog backlog) {
        this.jdbc = jdbc;
        this.backlog = backlog;
    }

    @Scheduled(fixedDelay = 1000)
    void count() {
        try {
            backlog.dueJobs(countUpTo(backlog.dueJobsWorthCounting()));
        } catch (RuntimeException e) {
            // the database is away: admission keeps the last count, and creations fail on the database anyway
            log.debug("Due jobs not counted: {}", e.getMessage());
        }
    }

    /** The due jobs, or {@code enough} if there are at least that many. */
    long countUpTo(long enough) {
        long due = jdbc.sql(DUE).param("enough", enough).param("now", new Timestamp(ClockUtil.getCurrentTime().getTime()))
                .query(Long.class).single();
        return Math.min(due, enough);
    }
}
