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
 * <p>The defaults fit the connection pool (30): 6 creating and 10 other requests leave the job executor
 * its 10 threads' connections (sealing, auto-signing, callbacks) and a few for signer pages, the outbox
 * and the gauges, so no request waits for a connection. 6 creations at a time already use two cores
 * fully (BENCHMARKS.md: 4 at a time gave 95 % of the throughput of 8); more would only queue.
 *
 * @param nodeCreating         creating requests in progress on this node
 * @param nodeOther            other requests in progress on this node (reads, cancellations, links)
 * @param organizationCreating creating requests of one organization in progress on this node
 * @param organizationOther    other requests of one organization in progress on this node
 * @param maxWait              how long a request may wait for a place before it is refused
 */
@ConfigurationProperties("signflow.api.admission")
record AdmissionProperties(
        @DefaultValue("6") int nodeCreating,
        @DefaultValue("10") int nodeOther,
        @DefaultValue("4") int organizationCreating,
        @DefaultValue("8") int organizationOther,
        @DefaultValue("0ms") Duration maxWait) {
}
