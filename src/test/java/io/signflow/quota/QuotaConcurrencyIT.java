package io.signflow.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many simultaneous creations against a small quota end with exactly the arithmetic result, and a
 * refused creation leaves nothing: no group, no contract, no process instance, no ledger entry, no
 * message.
 */
class QuotaConcurrencyIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService history;

    @Test
    void concurrentCreationsSpendExactlyTheQuota() throws Exception {
        Tenant tenant = tenants().create(null, 11, 1);
        int requests = 24;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<String>> calls = java.util.stream.IntStream.range(0, requests)
                    .mapToObj(i -> (Callable<String>) () -> tenant.api().code("CreateFlowGroupByFiles",
                            Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant),
                                    Requests.person("王五", "13800000003")))))
                    .toList();
            List<String> codes = pool.invokeAll(calls).stream().map(this::get).toList();

            // 11 units buy five groups of two contracts; one unit is left
            assertThat(codes.stream().filter("OK"::equals).count()).isEqualTo(5);
            assertThat(codes).containsOnly("OK", "OperationDenied.NoQuota");
        } finally {
            pool.shutdown();
        }
        var quota = admin().get("/admin/organizations/" + tenant.organizationId() + "/quota");
        assertThat(quota.get("used").asLong()).isEqualTo(10);
        assertThat(quota.get("available").asLong()).isEqualTo(1);
        assertThat(count("select count(*) from flow_group where organization_id = ?", tenant.organizationId())).isEqualTo(5);
        assertThat(count("select count(*) from flow where organization_id = ?", tenant.organizationId())).isEqualTo(10);
        assertThat(count("select count(*) from quota_ledger where organization_id = ? and entry_type = 'DEDUCT'",
                tenant.organizationId())).isEqualTo(10);
        assertThat(count("select count(*) from outbox_message m join flow_group g on g.id = m.group_id "
                + "where g.organization_id = ?", tenant.organizationId())).isEqualTo(5);
        everyGroupProcessHasItsGroup();
    }

    @Test
    void aRefusedCreationLeavesNothingBehind() {
        Tenant tenant = tenants().create(null, 1, 1);
        long audit = count("select count(*) from audit_event");

        String code = tenant.api().code("CreateFlowGroupByFiles",
                Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant), Requests.person("赵六", "13800000004"))));

        assertThat(code).isEqualTo("OperationDenied.NoQuota");
        assertThat(count("select count(*) from flow_group where organization_id = ?", tenant.organizationId())).isZero();
        assertThat(count("select count(*) from quota_ledger where organization_id = ? and entry_type <> 'TOPUP'",
                tenant.organizationId())).isZero();
        assertThat(count("select count(*) from outbox_message where recipient = '13800000004'")).isZero();
        assertThat(count("select count(*) from signer where mobile = '13800000004'")).isZero();
        assertThat(count("select count(*) from audit_event")).isEqualTo(audit);
        everyGroupProcessHasItsGroup();
    }

    /**
     * No flow-group instance was ever started (and kept) for a group that does not exist. An instance a
     * calling process started and whose request was refused (a BPMN error) never named a group: it has
     * no business key and is left out.
     */
    private void everyGroupProcessHasItsGroup() {
        List<String> keys = history.createHistoricProcessInstanceQuery().processDefinitionKey("flow-group").list()
                .stream().map(p -> p.getBusinessKey()).filter(Objects::nonNull).toList();
        assertThat(keys).isNotEmpty();
        long known = jdbc.sql("select count(*) from flow_group where id in (:ids)").param("ids", keys)
                .query(Long.class).single();
        assertThat(known).isEqualTo(keys.size());
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
