package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retries of a creation with X-Signflow-Idempotency-Key: one group, whatever the retries and their
 * timing, also when more retries arrive at once than the organization may have in progress.
 */
class IdempotentCreationIT extends ApiTestBase {

    private static final String HEADER = "X-Signflow-Idempotency-Key";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothing() {
        Tenant tenant = tenants().create();
        ObjectNode request = group(tenant);
        Map<String, String> key = Map.of(HEADER, UUID.randomUUID().toString());

        JsonNode first = tenant.api().call("CreateFlowGroupByFiles", request, key);
        JsonNode retry = tenant.api().call("CreateFlowGroupByFiles", request, key);

        assertThat(first.has("Error")).as(first.toString()).isFalse();
        assertThat(retry.get("FlowGroupId")).isEqualTo(first.get("FlowGroupId"));
        assertThat(retry.get("FlowIds")).isEqualTo(first.get("FlowIds"));
        assertThat(retry.get("RequestId")).isNotEqualTo(first.get("RequestId"));
        assertThat(groups(tenant)).isEqualTo(1);
        assertThat(quotaUsed(tenant)).isEqualTo(2);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneGroupAndAllGetItsAnswer() throws Exception {
        Tenant tenant = tenants().create();
        ObjectNode request = group(tenant);
        Map<String, String> key = Map.of(HEADER, UUID.randomUUID().toString());
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(pool.submit((Callable<JsonNode>) () -> {
                start.await();
                return retryingWhileBusy(tenant, request, key);
            }));
        }
        start.countDown();
        pool.shutdown();

        List<String> groupIds = new ArrayList<>();
        for (Future<JsonNode> answer : answers) {
            JsonNode response = answer.get();
            assertThat(response.has("Error")).as(response.toString()).isFalse();
            groupIds.add(response.get("FlowGroupId").asText());
        }
        assertThat(groupIds).hasSize(clients).containsOnly(groupIds.get(0));
        assertThat(groups(tenant)).isEqualTo(1);
        assertThat(quotaUsed(tenant)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndCreatesNothing() {
        Tenant tenant = tenants().create();
        Map<String, String> key = Map.of(HEADER, UUID.randomUUID().toString());
        tenant.api().call("CreateFlowGroupByFiles", group(tenant), key);
        ObjectNode other = group(tenant);
        other.put("FlowGroupName", "另一个合同组");

        JsonNode refused = tenant.api().call("CreateFlowGroupByFiles", other, key);

        assertThat(refused.at("/Error/Code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(refused.at("/Error/Message").asText()).contains(HEADER).contains("another request");
        assertThat(groups(tenant)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestKeepsNothingSoItsCorrectedRetryRuns() {
        Tenant tenant = tenants().create();
        Map<String, String> key = Map.of(HEADER, UUID.randomUUID().toString());
        ObjectNode invalid = group(tenant);
        invalid.put("FlowGroupName", "");

        assertThat(tenant.api().call("CreateFlowGroupByFiles", invalid, key).has("Error")).isTrue();
        JsonNode corrected = tenant.api().call("CreateFlowGroupByFiles", group(tenant), key);

        assertThat(corrected.has("Error")).as(corrected.toString()).isFalse();
        assertThat(groups(tenant)).isEqualTo(1);
    }

    @Test
    void keysAreTheOrganizationsOwnAndMalformedKeysAreRefused() {
        Tenant one = tenants().create();
        Tenant another = tenants().create();
        Map<String, String> key = Map.of(HEADER, "order-4711");

        JsonNode first = one.api().call("CreateFlowGroupByFiles", group(one), key);
        JsonNode second = another.api().call("CreateFlowGroupByFiles", group(another), key);
        JsonNode malformed = one.api().call("CreateFlowGroupByFiles", group(one), Map.of(HEADER, "no spaces allowed"));

        assertThat(second.get("FlowGroupId")).isNotNull().isNotEqualTo(first.get("FlowGroupId"));
        assertThat(groups(another)).isEqualTo(1);
        assertThat(malformed.at("/Error/Code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(groups(one)).isEqualTo(1);
    }

    /** As docs/api.md tells clients: a RequestLimitExceeded is retried, with the same key, after a growing pause. */
    private static JsonNode retryingWhileBusy(Tenant tenant, ObjectNode request, Map<String, String> key)
            throws InterruptedException {
        for (long pause = 50; ; pause = Math.min(pause * 2, 1000)) {
            JsonNode response = tenant.api().call("CreateFlowGroupByFiles", request, key);
            if (!"RequestLimitExceeded".equals(response.at("/Error/Code").asText())) {
                return response;
            }
            Thread.sleep(pause + java.util.concurrent.ThreadLocalRandom.current().nextLong(pause));
        }
    }

    private static ObjectNode group(Tenant tenant) {
        return Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant), Requests.person("测试", Tenants.mobile())));
    }

    private long groups(Tenant tenant) {
        return jdbc.sql("select count(*) from flow_group where organization_id = ?").param(tenant.organizationId())
                .query(Long.class).single();
    }

    private long quotaUsed(Tenant tenant) {
        return jdbc.sql("select coalesce(sum(units), 0) from quota_ledger where organization_id = ? and entry_type = 'DEDUCT'").param(tenant.organizationId())
                .query(Long.class).single();
    }
}
