package io.signflow.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
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

    private void count() {
        // a status that no longer occurs reads 0 rather than its last count
        values.values().forEach(value -> value.set(0));
        jdbc.sql("select status, count(*) from flow group by status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> gauge("signflow.flows", Tags.of("status", e.getKey()), "Contracts by FlowStatus")
                        .set(e.getValue()));
        jdbc.sql("select status, count(*) from flow_group group by status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> gauge("signflow.groups", Tags.of("status", e.getKey()), "Contract groups by status")
                        .set(e.getValue()));
        jdbc.sql("select kind, status, count(*) from outbox_message where status <> 'SENT' group by kind, status")
                .query((rs, n) -> Map.entry(Tags.of("kind", rs.getString(1), "status", rs.getString(2)), rs.getLong(3)))
                .list()
                .forEach(e -> gauge("signflow.outbox.undelivered", e.getKey(),
                        "Notifications and callbacks not delivered yet").set(e.getValue()));
        gauge("signflow.jobs.due", Tags.empty(), "Jobs due and waiting for the job executor")
                .set(management.createJobQuery().executable().count());
        gauge("signflow.incidents", Tags.empty(), "Open incidents (failed jobs out of retries)")
                .set(runtime.createIncidentQuery().count());
    }

    private AtomicLong gauge(String name, Tags tags, String description) {
        return values.computeIfAbsent(name + tags, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags(tags).description(description).register(registry);
            return value;
        });
    }
}
