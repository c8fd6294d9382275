package io.signflow.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API requests may be in progress at once ({@code signflow.api.admission.*}), on this node
 * and per organization on this node, for creating actions ({@link ApiAction#creates()}) and for the
 * others. A request beyond a bound is refused with {@code RequestLimitExceeded} after at most
 * {@code maxWait}, before it takes a database connection.
 *
 * <p>The defaults fit the connection pool (30): 4 creating and 10 other requests leave the job executor
 * its 10 threads' connections (sealing, auto-signing, callbacks) and a few for signer pages, the outbox
 * and the gauges, so no request waits for a connection. 4 creations at a time already use two cores
 * fully (BENCHMARKS.md: 4 at a time gave 95 % of the throughput of 8); with 6, a flood made the
 * accepted creations queue behind each other (p99 2.1–3.7 × its value at half the maximum, against
 * 1.8–1.9 × with 4, for about the same accepted rate; BENCHMARKS.md, overload).
 *
 * <p>Creation yields to the work that finishes contracts already created. The module that owns the
 * engine counts the job executor's due jobs (sealing, deadlines that came due, retried callbacks) once a
 * second and tells admission ({@link CompletionBacklog}); while more than {@code backlogBound} are due,
 * a creating request must also find a place within {@code nodeCreatingBehindBacklog}, and is otherwise
 * refused at once with {@code RequestLimitExceeded} saying that contracts already created are being
 * finished first. The node's full bound is back at the first count at or below {@code backlogBound}.
 * 60 due jobs are 20 auto-signed groups of three contracts, a few seconds of the job executor's work
 * on two cores (BENCHMARKS.md, overload), so what has been created when a flood stops is finished
 * within seconds. Behind that, no creation at all: on two cores even one creation at a time (6.6
 * auto-signed groups/s) outran what the job executor finished (3.0/s), and the backlog grew to 600
 * jobs; with none, creation resumes within a second of the count falling to the bound, and completion
 * kept up (0.83 × creation, the backlog gone 6.2 s after the flood; BENCHMARKS.md, overload). The bound
 * is per node, the count is the database's, so every node of a cluster yields to the same backlog.
 *
 * @param nodeCreating         creating requests in progress on this node
 * @param nodeOther            other requests in progress on this node (reads, cancellations, links)
 * @param organizationCreating creating requests of one organization in progress on this node
 * @param organizationOther    other requests of one organization in progress on this node
 * @param maxWait              how long a request may wait for a place before it is refused
 * @param backlogBound         due jobs beyond which creation yields to finishing contracts
 * @param nodeCreatingBehindBacklog creating requests in progress on this node while more jobs than
 *                             {@code backlogBound} are due (0 stops creation until they are worked off)
 */
@ConfigurationProperties("signflow.api.admission")
record AdmissionProperties(
        @DefaultValue("4") int nodeCreating,
        @DefaultValue("10") int nodeOther,
        @DefaultValue("4") int organizationCreating,
        @DefaultValue("8") int organizationOther,
        @DefaultValue("0ms") Duration maxWait,
        @DefaultValue("60") int backlogBound,
        @DefaultValue("0") int nodeCreatingBehindBacklog) {
}
