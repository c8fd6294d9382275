package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signflow.monitoring.SignflowMetrics;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The business gauges keep their last complete counts when a refresh fails (the database is away)
 * and never read 0 while one is under way; a status that no longer occurs drops to 0.
 */
class SignflowMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ManagementService management = mock(ManagementService.class, RETURNS_DEEP_STUBS);
    private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    private JdbcClient jdbc;
    private SignflowMetrics metrics;

    @BeforeEach
    void database() {
        jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:metrics" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.sql("create table flow (id varchar(32), status integer)").update();
        jdbc.sql("create table flow_group (id varchar(32), status varchar(20), single boolean default false)").update();
        jdbc.sql("create table outbox_message (id varchar(32), kind varchar(20), status varchar(10))").update();
        jdbc.sql("insert into flow values ('a', 1), ('b', 1), ('c', 4)").update();
        jdbc.sql("insert into flow_group (id, status) values ('g', 'SIGNING')").update();
        // a contract of its own has a group row that is no group
        jdbc.sql("insert into flow_group values ('s', 'SIGNING', true)").update();
        jdbc.sql("insert into outbox_message values ('m', 'CALLBACK', 'RETRYING')").update();
        when(management.createJobQuery().executable().count()).thenReturn(3L);
        when(runtime.createIncidentQuery().count()).thenReturn(1L);
        metrics = new SignflowMetrics(jdbc, management, runtime, registry);
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void countsWhatTheDatabaseHolds() {
        metrics.refresh();
        assertThat(gauge("signflow.flows", "status", "1")).isEqualTo(2);
        assertThat(gauge("signflow.flows", "status", "4")).isEqualTo(1);
        assertThat(gauge("signflow.groups", "status", "SIGNING")).isEqualTo(1);
        assertThat(gauge("signflow.outbox.undelivered", "kind", "CALLBACK", "status", "RETRYING")).isEqualTo(1);
        assertThat(gauge("signflow.jobs.due")).isEqualTo(3);
        assertThat(gauge("signflow.incidents")).isEqualTo(1);
    }

    @Test
    void aRefreshThatFailsLeavesTheLastCounts() {
        metrics.refresh();
        // the database goes away halfway through the next refresh
        jdbc.sql("drop table flow_group").update();
        when(management.createJobQuery().executable().count()).thenThrow(new IllegalStateException("no database"));
        metrics.refresh();
        assertThat(gauge("signflow.flows", "status", "1")).isEqualTo(2);
        assertThat(gauge("signflow.flows", "status", "4")).isEqualTo(1);
        assertThat(gauge("signflow.groups", "status", "SIGNING")).isEqualTo(1);
        assertThat(gauge("signflow.jobs.due")).isEqualTo(3);
    }

    @Test
    void aStatusThatNoLongerOccursReadsZero() {
        metrics.refresh();
        jdbc.sql("update flow set status = 4").update();
        jdbc.sql("delete from outbox_message").update();
        metrics.refresh();
        assertThat(gauge("signflow.flows", "status", "1")).isZero();
        assertThat(gauge("signflow.flows", "status", "4")).isEqualTo(3);
        assertThat(gauge("signflow.outbox.undelivered", "kind", "CALLBACK", "status", "RETRYING")).isZero();
    }
}
