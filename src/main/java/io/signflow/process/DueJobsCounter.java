package io.signflow.process;

import io.signflow.api.CompletionBacklog;
import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts once a second the jobs due and not done yet (sealing, deadlines that came due, retried callbacks:
 * the work that finishes contracts already created) and tells admission, so that creation yields to
 * them ({@link CompletionBacklog}). One count over {@code ACT_RU_JOB}, which holds only the jobs still
 * to run (done ones are deleted): 2 ms on PostgreSQL with 8,155 deadline timers in it, a sequential
 * scan of 455 pages from the cache (BENCHMARKS.md, overload).
 */
@Component
class DueJobsCounter {

    private static final Logger log = LoggerFactory.getLogger(DueJobsCounter.class);
    private final ManagementService management;
    private final CompletionBacklog backlog;

    DueJobsCounter(ManagementService management, CompletionBacklog backlog) {
        this.management = management;
        this.backlog = backlog;
    }

    @Scheduled(fixedDelay = 1000)
    void count() {
        try {
            backlog.dueJobs(management.createJobQuery().executable().count());
        } catch (RuntimeException e) {
            // the database is away: admission keeps the last count, and creations fail on the database anyway
            log.debug("Due jobs not counted: {}", e.getMessage());
        }
    }
}
