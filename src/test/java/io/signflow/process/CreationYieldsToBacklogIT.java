package io.signflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Creation yields to the jobs that finish contracts already created: with the job executor stopped,
 * the sealing jobs of one auto-signed group stay due, {@link DueJobsCounter} tells admission, and the
 * next creation is refused with RequestLimitExceeded before it writes anything; once the jobs have run
 * creations are taken again. The counter's own query counts what the engine's query counts.
 */
class CreationYieldsToBacklogIT extends ApiTestBase {

    @DynamicPropertySource
    static void backlogOfOneJob(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
        registry.add("signflow.api.admission.backlog-bound", () -> "0");
        registry.add("signflow.api.admission.node-creating-behind-backlog", () -> "0");
    }

    @Autowired
    ManagementService management;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    DueJobsCounter counter;

    @Autowired
    DataSource dataSource;

    @Test
    void aCreationWhileJobsAreDueIsRefusedAndWritesNothingAndIsTakenOnceTheyHaveRun() {
        // what the application's start left due (the demo data's) is done first: uploads are creations too
        runDueJobs();
        Tenant tenant = tenants().create();
        tenant.api().ok("CreateFlowGroupByFiles", autoSigned(tenant));
        awaitCreatingBound(0);
        long groups = groups(tenant);
        long deducted = deducted(tenant);

        long started = System.nanoTime();
        JsonNode refused = tenant.api().call("CreateFlowGroupByFiles", autoSigned(tenant));

        assertThat(refused.at("/Error/Code").asText()).as(refused.toString()).isEqualTo("RequestLimitExceeded");
        assertThat(refused.at("/Error/Message").asText()).startsWith("Contracts already created are being finished first")
                .endsWith("try again shortly.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(groups(tenant)).isEqualTo(groups);
        assertThat(deducted(tenant)).isEqualTo(deducted);

        runDueJobs();
        tenant.api().ok("CreateFlowGroupByFiles", autoSigned(tenant));
        assertThat(groups(tenant)).isEqualTo(groups + 1);
    }

    @Test
    void theCounterCountsTheJobsTheEngineCallsExecutableUpToWhatAdmissionNeeds() throws SQLException {
        runDueJobs();
        Tenant tenant = tenants().create();
        String waiting = tenant.api().ok("CreateFlowGroupByFiles",
                Requests.group(tenant, 3, List.of(Requests.person("Li Lei", "13800000001")))).path("FlowGroupId").asText();
        tenant.api().ok("CreateFlowGroupByFiles", autoSigned(tenant));
        List<Job> deadlines = management.createJobQuery().timers().processDefinitionKey("sign-flow").list().stream()
                .filter(job -> groupOf(job).equals(waiting)).toList();
        assertThat(deadlines).hasSize(3);
        Date past = new Date(System.currentTimeMillis() - 60_000);
        deadlines.forEach(job -> management.setJobDuedate(job.getId(), past));
        management.setJobRetries(deadlines.get(1).getId(), 0);
        runtime.suspendProcessInstanceById(deadlines.get(2).getProcessInstanceId());

        List<Job> executable = management.createJobQuery().executable().list();
        assertThat(executable).extracting(Job::getId).contains(deadlines.get(0).getId())
                .doesNotContain(deadlines.get(1).getId(), deadlines.get(2).getId());
        assertThat(executable).filteredOn(job -> job.getDuedate() == null).isNotEmpty();
        assertThat(counter.countUpTo(1000)).isEqualTo(executable.size());
        assertThat(counter.countUpTo(2)).isEqualTo(2);
        try (Connection connection = dataSource.getConnection();
             ResultSet indexes = connection.getMetaData().getIndexInfo(null, null,
                     connection.getMetaData().storesLowerCaseIdentifiers() ? "act_ru_job" : "ACT_RU_JOB", false, false)) {
            List<String> names = new ArrayList<>();
            while (indexes.next()) {
                names.add(indexes.getString("INDEX_NAME"));
            }
            assertThat(names).anyMatch("ACT_IDX_JOB_DUEDATE"::equalsIgnoreCase);
        }
        runtime.activateProcessInstanceById(deadlines.get(2).getProcessInstanceId());
    }

    private String groupOf(Job job) {
        return (String) runtime.getVariable(job.getProcessInstanceId(), "flowGroupId");
    }

    /** What the stopped job executor would have done; then admission is told that nothing is due. */
    private void runDueJobs() {
        for (List<Job> due = management.createJobQuery().executable().list(); !due.isEmpty();
             due = management.createJobQuery().executable().list()) {
            due.forEach(job -> management.executeJob(job.getId()));
        }
        awaitCreatingBound(100);
    }

    private void awaitCreatingBound(int bound) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("signflow.api.admission.creating").gauge().value() == bound);
    }

    private static JsonNode autoSigned(Tenant tenant) {
        return Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant)));
    }

    private long groups(Tenant tenant) {
        return jdbc.sql("select count(*) from flow_group where organization_id = ?").param(tenant.organizationId())
                .query(Long.class).single();
    }

    private long deducted(Tenant tenant) {
        return jdbc.sql("select coalesce(sum(units), 0) from quota_ledger where organization_id = ? and entry_type = 'DEDUCT'")
                .param(tenant.organizationId()).query(Long.class).single();
    }
}
