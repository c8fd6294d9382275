package io.signflow.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Business gauges for /actuator/prometheus: contracts and groups by status, the job backlog, open
 * incidents and messages not yet delivered. They are counted on a schedule
 * ({@code signflow.metrics.refresh}, 30 s) rather than per scrape, so that scraping never loads the
 * database. Request counts and latencies per action and error code come from the API gateway
 * ({@code signflow_api_requests_seconds}).
 */
@Component
public class SignflowMetrics {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignflowMetrics.class);
    private final JdbcClient jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public SignflowMetrics(JdbcClient jdbc, ManagementService management, RuntimeService runtime, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.management = management;
        this.runtime = runtime;
        this.registry = registry;
    }

    @Scheduled(fixedDelayString = "${signflow.metrics.refresh:30s}", initialDelay = 0)
    public void refresh() {
        try {
            count();
        } catch (RuntimeException e) {
            // the database is away; the gauges keep their last values until it is back
            log.warn("Metrics refresh failed: {}", e.getMessage());
        }
    }

    /** One value read for a gauge. */
    private record Reading(String name, Tags tags, String description, long value) {

        String key() {
            return name + tags;
        }
    }

    private void count() {
        List<Reading> readings = new ArrayList<>();
        jdbc.sql("select status, count(*) from flow group by status")
                .query((rs, n) -> new Reading("signflow.flows", Tags.of("status", rs.getString(1)),
                        "Contracts by FlowStatus", rs.getLong(2))).list().forEach(readings::add);
        // a contract of its own has a group row of its own, which is no group
        jdbc.sql("select status, count(*) from flow_group where not single group by status")
                .query((rs, n) -> new Reading("signflow.groups", Tags.of("status", rs.getString(1)),
                        "Contract groups by status", rs.getLong(2))).list().forEach(readings::add);
        jdbc.sql("select kind, status, count(*) from outbox_message where status <> 'SENT' group by kind, status")
                .query((rs, n) -> new Reading("signflow.outbox.undelivered",
                        Tags.of("kind", rs.getString(1), "status", rs.getString(2)),
                        "Notifications and callbacks not delivered yet", rs.getLong(3))).list().forEach(readings::add);
        readings.add(new Reading("signflow.jobs.due", Tags.empty(), "Jobs due and waiting for the job executor",
                management.createJobQuery().executable().count()));
        readings.add(new Reading("signflow.incidents", Tags.empty(), "Open incidents (failed jobs out of retries)",
                runtime.createIncidentQuery().count()));
        // the gauges change only now that every count has been read: a scrape meanwhile, or after a
        // refresh that failed halfway, sees the last complete counts, never zeros
        Set<String> read = new HashSet<>();
        for (Reading reading : readings) {
            gauge(reading.name(), reading.tags(), reading.description()).set(reading.value());
            read.add(reading.key());
        }
        // a status that no longer occurs reads 0 rather than its last count
        values.forEach((key, value) -> {
            if (!read.contains(key)) {
                value.set(0);
            }
        });
    }

    private AtomicLong gauge(String name, Tags tags, String description) {
        return values.computeIfAbsent(name + tags, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags(tags).description(description).register(registry);
            return value;
        });
    }
}
