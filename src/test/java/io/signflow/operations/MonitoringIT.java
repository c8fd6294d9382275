package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.monitoring.SignflowMetrics;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What monitoring reads: the health of the database and the job executor, and on the Prometheus
 * endpoint requests per action and error code with latency buckets, contracts and groups by status,
 * the job backlog and open incidents, each under the name docs/operating.md gives.
 */
class MonitoringIT extends ApiTestBase {

    @Autowired
    SignflowMetrics metrics;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthShowsTheDatabaseAndTheJobExecutorToTheAdmin() {
        JsonNode health = admin().get("/actuator/health");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/jobExecutor/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/processEngine/status").asText()).isEqualTo("UP");
        // anyone may ask whether the node is up, but sees no details
        JsonNode anonymous = admin().send("GET", "/actuator/health", null, false).body();
        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
    }

    @Test
    void prometheusExposesRequestsLatenciesStatusesBacklogAndIncidents() throws Exception {
        Tenant tenant = tenants().create();
        String groupId = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("癸", Tenants.mobile())))).get("FlowGroupId").asText();
        tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowGroupId", groupId));
        assertThat(tenant.api().code("CancelFlow", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowId", "yDnoflowUUckpk84praUyPWcjISDLsIV", "CancelMessage", "不要了"))).isEqualTo("ResourceNotFound.Flow");
        // an incident: a contract's deadline timer out of retries
        String flowInstance = runtime.createProcessInstanceQuery().processDefinitionKey("sign-flow")
                .superProcessInstanceId(runtime.createProcessInstanceQuery().processDefinitionKey("flow-group")
                        .processInstanceBusinessKey(groupId).singleResult().getId()).list().get(0).getId();
        Job timer = management.createJobQuery().processInstanceId(flowInstance).timers().singleResult();
        management.setJobRetries(timer.getId(), 0);
        try {
            metrics.refresh();
            long incidents = runtime.createIncidentQuery().count();
            long due = management.createJobQuery().executable().count();
            String scrape = scrape();

            assertThat(value(scrape, "signflow_api_requests_seconds_count", "action=\"DescribeFlowInfo\"", "code=\"OK\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "signflow_api_requests_seconds_count", "action=\"CancelFlow\"",
                    "code=\"ResourceNotFound.Flow\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "signflow_api_requests_seconds_bucket", "action=\"CreateFlowGroupByFiles\"",
                    "code=\"OK\"", "le=\"+Inf\"")).isGreaterThanOrEqualTo(1);
            assertThat(lines(scrape, "signflow_api_requests_seconds_bucket", "action=\"CreateFlowGroupByFiles\"",
                    "code=\"OK\"")).as("latency histogram buckets").isGreaterThan(10);
            // each request is timed as a whole, not once per security filter (SecurityConfig)
            assertThat(lines(scrape, "http_server_requests_seconds_count", "uri=\"/\"", "method=\"POST\""))
                    .isPositive();
            assertThat(scrape).doesNotContain("spring_security_");
            assertThat(value(scrape, "signflow_flows", "status=\"1\"")).isEqualTo(
                    (double) jdbc.sql("select count(*) from flow where status = 1").query(Long.class).single());
            assertThat(value(scrape, "signflow_groups", "status=\"SIGNING\"")).isEqualTo(
                    (double) jdbc.sql("select count(*) from flow_group where status = 'SIGNING' and not single").query(Long.class)
                            .single());
            assertThat(value(scrape, "signflow_jobs_due")).isEqualTo((double) due);
            assertThat(value(scrape, "signflow_incidents")).isEqualTo((double) incidents).isGreaterThanOrEqualTo(1);
        } finally {
            management.setJobRetries(timer.getId(), 1);
        }
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (AdminClient.USER + ":" + AdminClient.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the one sample of {@code metric} whose labels include all of {@code labels}. */
    private static double value(String scrape, String metric, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
        Double found = null;
        while (m.find()) {
            String labelText = m.group(1) == null ? "" : m.group(1);
            if (List.of(labels).stream().allMatch(labelText::contains)) {
                assertThat(found).as("one sample of " + metric + " with " + List.of(labels)).isNull();
                found = Double.parseDouble(m.group(2));
            }
        }
        assertThat(found).as(metric + " with " + List.of(labels) + " in the scrape").isNotNull();
        return found;
    }

    private static long lines(String scrape, String metric, String... labels) {
        return scrape.lines().filter(l -> l.startsWith(metric + "{"))
                .filter(l -> List.of(labels).stream().allMatch(l::contains)).count();
    }
}
