package io.signflow.api;

/**
 * Told how much work is waiting to finish the contracts already created (the job executor's due jobs:
 * sealing, deadlines that came due, retried callbacks), so that admission lets creation yield to it
 * ({@link AdmissionProperties#backlogBound()}). The module that owns the engine counts and tells; the
 * gateway never reads the engine itself.
 */
public interface CompletionBacklog {

    /** The jobs due now and not done yet, as just counted, or {@link #dueJobsWorthCounting()} if there are more. */
    void dueJobs(long count);

    /**
     * How far a count of the due jobs needs to go: one past the bound, since admission asks only whether
     * the bound is passed. A count that stops there reads at most that many due jobs, however many
     * contracts are open.
     */
    long dueJobsWorthCounting();
}
