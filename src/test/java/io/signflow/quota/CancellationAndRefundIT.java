package io.signflow.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CancelFlow and the quota: a unit comes back exactly when the contract is cancelled before any
 * person signed (auto-signers do not count), once; every other ending keeps it. The rest of the
 * group goes on, and the ledger always agrees with the balance.
 */
class CancellationAndRefundIT extends ApiTestBase {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    private record Group(Tenant tenant, String id, List<String> flowIds) {
    }

    private Group create(Tenant tenant, List<com.fasterxml.jackson.databind.node.ObjectNode> approvers) {
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, approvers));
        List<String> flowIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        return new Group(tenant, created.get("FlowGroupId").asText(), flowIds);
    }

    private static String cancel(Tenant tenant, String flowId) {
        return tenant.api().code("CancelFlow", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowId", flowId, "CancelMessage", "双方协商取消"));
    }

    private long used(Tenant tenant) {
        return admin().get("/admin/organizations/" + tenant.organizationId() + "/quota").get("used").asLong();
    }

    private static JsonNode detail(Tenant tenant, String flowId) {
        return tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowIds", List.of(flowId))).at("/FlowDetailInfos/0");
    }

    @Test
    void cancellingBeforeAnyoneSignedRefundsAndEndsTheContractForItsSigners() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        Group group = create(tenant, List.of(Requests.person("甲", mobile)));
        assertThat(used(tenant)).isEqualTo(2);

        assertThat(cancel(tenant, group.flowIds().get(0))).isEqualTo("OK");

        assertThat(used(tenant)).isEqualTo(1);
        JsonNode cancelled = detail(tenant, group.flowIds().get(0));
        assertThat(cancelled.get("FlowStatus").asInt()).isEqualTo(FlowStatus.CANCELLED);
        assertThat(cancelled.get("FlowMessage").asText()).isEqualTo("双方协商取消");
        assertThat(cancelled.at("/FlowApproverInfos/0/ApproveStatus").asInt()).isEqualTo(ApproveStatus.CANCELLED);
        // the signer can still sign the other contract, and only that one
        JsonNode signed = SignerClient.invited(admin(), mobile).signNow();
        assertThat(signed.get("contracts")).hasSize(2);
        assertThat(detail(tenant, group.flowIds().get(1)).get("FlowStatus").asInt()).isEqualTo(FlowStatus.ALL_SIGNED);
        assertThat(detail(tenant, group.flowIds().get(0)).get("FlowStatus").asInt()).isEqualTo(FlowStatus.CANCELLED);
    }

    @Test
    void aContractOnlyTheAutoSignerSignedIsRefundedOnceHowEverOftenItIsCancelled() {
        Tenant tenant = tenants().create();
        Group group = create(tenant, List.of(Requests.autoSigner(tenant), Requests.person("乙", Tenants.mobile())));

        assertThat(cancel(tenant, group.flowIds().get(0))).isEqualTo("OK");
        assertThat(cancel(tenant, group.flowIds().get(0))).isEqualTo("OperationDenied.FlowHasTerminated");

        assertThat(used(tenant)).isEqualTo(1);
        assertThat(refunds(tenant, group.flowIds().get(0))).isEqualTo(1);
        String today = LocalDate.now(java.time.ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        JsonNode bill = tenant.api().ok("DescribeBillUsageDetail", Map.of("StartTime", today, "EndTime", today));
        JsonNode refund = null;
        for (JsonNode detail : bill.get("Details")) {
            refund = detail.get("CostType").asInt() == 2 ? detail : refund;
        }
        // the auto-signer had signed: the remark does not say nobody had
        assertThat(refund.get("FlowId").asText()).isEqualTo(group.flowIds().get(0));
        assertThat(refund.get("Remark").asText()).isEqualTo("refunded: contract cancelled before any person signed");
    }

    @Test
    void aContractStillWaitingForItsDynamicSignerIsRefunded() {
        Tenant tenant = tenants().create();
        var dynamic = Requests.person("待定", Tenants.mobile());
        dynamic.remove(List.of("ApproverName", "ApproverMobile"));
        dynamic.put("ApproverRoleName", "乙方");
        dynamic.putObject("ApproverOption").put("FillType", 1);
        Group group = create(tenant, List.of(Requests.autoSigner(tenant), dynamic));
        assertThat(detail(tenant, group.flowIds().get(0)).get("FlowStatus").asInt()).isEqualTo(FlowStatus.AWAITING_FILL);

        assertThat(cancel(tenant, group.flowIds().get(0))).isEqualTo("OK");

        assertThat(used(tenant)).isEqualTo(1);
        assertThat(detail(tenant, group.flowIds().get(0)).get("FlowStatus").asInt()).isEqualTo(FlowStatus.CANCELLED);
    }

    @Test
    void aPersonsSignatureRejectionOrExpiryKeepsTheUnit() {
        Tenant tenant = tenants().create();
        String signs = Tenants.mobile();
        String rejects = Tenants.mobile();
        Group signed = create(tenant, List.of(Requests.person("丙", signs), Requests.person("丁", Tenants.mobile())));
        SignerClient.invited(admin(), signs).signNow();
        Group rejected = create(tenant, List.of(Requests.person("戊", rejects)));
        SignerClient rejecter = SignerClient.invited(admin(), rejects);
        rejecter.reject(rejecter.code(), "不同意");
        Group expired = create(tenant, List.of(Requests.person("己", Tenants.mobile())));
        expire(expired.flowIds().get(0));
        long usedBefore = used(tenant);

        assertThat(cancel(tenant, signed.flowIds().get(0))).isEqualTo("OK");
        assertThat(cancel(tenant, rejected.flowIds().get(0))).isEqualTo("OperationDenied.FlowHasTerminated");
        assertThat(cancel(tenant, expired.flowIds().get(0))).isEqualTo("OperationDenied.FlowHasTerminated");

        assertThat(used(tenant)).isEqualTo(usedBefore);
        assertThat(detail(tenant, signed.flowIds().get(0)).get("FlowStatus").asInt()).isEqualTo(FlowStatus.CANCELLED);
    }

    @Test
    void theGroupGoesOnAndEndsWithItsOutcomeAndTheBillTellsEveryUnit() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        Group group = create(tenant, List.of(Requests.person("庚", mobile)));

        cancel(tenant, group.flowIds().get(0));
        // the group goes on: one contract cancelled, the other still to sign
        assertThat(outcome(group)).isEqualTo("PART 0 0 0 1");
        SignerClient.invited(admin(), mobile).signNow();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(group.id()).finished().count()).isEqualTo(1));
        assertThat(outcome(group)).isEqualTo("INVALID 1 0 0 1");
        var outcome = history.createHistoricVariableInstanceQuery().variableName("outcome")
                .processInstanceId(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(group.id())
                        .singleResult().getId()).singleResult();
        assertThat(outcome.getValue()).isEqualTo("ENDED: 1 completed, 0 rejected, 0 expired, 1 cancelled");

        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        JsonNode bill = tenant.api().ok("DescribeBillUsageDetail", Map.of("StartTime", today, "EndTime",
                LocalDate.now().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)));
        assertThat(bill.get("Total").asLong()).isEqualTo(3);
        List<String> kinds = new ArrayList<>();
        bill.get("Details").forEach(d -> kinds.add(d.get("FlowId").asText() + ":" + d.get("CostType").asInt()));
        assertThat(kinds).containsExactlyInAnyOrder(group.flowIds().get(0) + ":1", group.flowIds().get(1) + ":1",
                group.flowIds().get(0) + ":2");
    }

    @Test
    void concurrentCreationsAndCancellationsLeaveTheLedgerEqualToTheBalance() throws Exception {
        Tenant tenant = tenants().create(null, 8, 1);
        List<String> flows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            flows.addAll(create(tenant, List.of(Requests.person("辛", Tenants.mobile()))).flowIds());
        }
        List<Callable<String>> work = new ArrayList<>();
        flows.forEach(flowId -> work.add(() -> cancel(tenant, flowId)));
        for (int i = 0; i < 10; i++) {
            work.add(() -> tenant.api().code("CreateFlowGroupByFiles",
                    Requests.group(tenant, 2, List.of(Requests.person("壬", Tenants.mobile())))));
        }
        java.util.Collections.shuffle(work);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> codes;
        try {
            codes = pool.invokeAll(work).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdown();
        }
        assertThat(codes).containsOnly("OK", "OperationDenied.NoQuota");
        long created = codes.stream().filter("OK"::equals).count() - flows.size();
        assertThat(used(tenant)).isEqualTo(8 + 2 * created - 8);
        JsonNode check = admin().get("/admin/quota/ledger-check");
        assertThat(check.get("mismatches")).isEmpty();
        assertThat(check.get("organizations").asLong()).isPositive();
    }

    /** DescribeFlowInfo by FlowGroupId: the group's status and its completed, rejected, expired, cancelled counts. */
    private static String outcome(Group group) {
        JsonNode info = group.tenant().api().ok("DescribeFlowInfo", Map.of("Operator",
                Map.of("UserId", group.tenant().operatorId()), "FlowGroupId", group.id()));
        assertThat(info.get("FlowDetailInfos")).hasSize(group.flowIds().size());
        return String.join(" ", info.get("FlowGroupStatus").asText(), info.get("CompletedCount").asText(),
                info.get("RejectedCount").asText(), info.get("ExpiredCount").asText(),
                info.get("CancelledCount").asText());
    }

    @Test
    void aGroupWhoseContractsAllCompletedIsAll() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        Group group = create(tenant, List.of(Requests.person("子", mobile)));
        assertThat(outcome(group)).isEqualTo("PROCESSING 0 0 0 0");

        SignerClient.invited(admin(), mobile).signNow();

        assertThat(outcome(group)).isEqualTo("ALL 2 0 0 0");
        // asked by contract, the answer has no group fields
        JsonNode byFlow = tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowIds", group.flowIds()));
        assertThat(byFlow.has("FlowGroupStatus")).isFalse();
        assertThat(byFlow.has("CompletedCount")).isFalse();
    }

    private long refunds(Tenant tenant, String flowId) {
        return jdbc.sql("select count(*) from quota_ledger where flow_id = ? and entry_type = 'REFUND'").param(flowId)
                .query(Long.class).single();
    }

    private void expire(String flowId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(flowId).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
}
