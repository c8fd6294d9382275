package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A group as a whole: the all-or-nothing policy, CancelFlowGroup and ModifyFlowGroupDeadline through
 * the official SDK's CommonClient and the admin API, and the PART status the group announces.
 */
class GroupOperationsIT extends ApiTestBase {

    @Autowired
    HistoryService history;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    private record Group(Tenant tenant, String id, List<String> flowIds) {
    }

    private static Group create(Tenant tenant, ObjectNode request) {
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", request);
        List<String> flowIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        return new Group(tenant, created.get("FlowGroupId").asText(), flowIds);
    }

    @Test
    void underAllOrNothingARejectionCancelsTheRestOfTheGroupRefundsEachAndTheGroupSaysWhy() throws Exception {
        Tenant tenant = tenants().create();
        assertThat(admin().get("/admin/organizations/" + tenant.organizationId() + "/flow-group-policy")
                .get("policy").asText()).isEqualTo("independent");
        assertThat(admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/flow-group-policy",
                Map.of("policy", "everything"), true).status()).isEqualTo(400);
        assertThat(admin().send("PUT", "/admin/organizations/nosuchorganization/flow-group-policy",
                Map.of("policy", "all-or-nothing"), true).status()).isEqualTo(404);
        AdminClient.Reply set = admin().send("PUT", "/admin/organizations/" + tenant.organizationId()
                + "/flow-group-policy", Map.of("policy", "all-or-nothing"), true);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("policy").asText()).isEqualTo("all-or-nothing");
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            JsonNode callback = admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                    Map.of("url", receiver.url()), true).body();
            String mobile = Tenants.mobile();
            Group group = create(tenant, Requests.group(tenant, 3, List.of(Requests.person("甲", mobile))));
            assertThat(used(tenant)).isEqualTo(3);

            SignerClient signer = SignerClient.invited(admin(), mobile);
            assertThat(signer.reject(signer.code(), "条款不同意", List.of(group.flowIds().get(0))).status())
                    .isEqualTo(200);

            // the rest is cancelled by a job of the group's process, right after the rejection
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outcome(group))
                    .isEqualTo("INVALID 0 1 0 2"));
            assertThat(statuses(group)).containsExactly(FlowStatus.REJECTED, FlowStatus.CANCELLED, FlowStatus.CANCELLED);
            JsonNode cancelled = describe(group).at("/FlowDetailInfos/1");
            assertThat(cancelled.get("FlowMessage").asText()).isEqualTo("Cancelled with its group (all-or-nothing): "
                    + "the contract " + group.flowIds().get(0) + " was rejected.");
            assertThat(cancelled.at("/FlowApproverInfos/0/ApproveStatus").asInt()).isEqualTo(ApproveStatus.CANCELLED);

            // nobody had signed the cancelled ones: each gives its unit back once; the rejected one keeps it
            assertThat(used(tenant)).isEqualTo(1);
            assertThat(bill(tenant)).containsExactlyInAnyOrder(group.flowIds().get(0) + ":1",
                    group.flowIds().get(1) + ":1", group.flowIds().get(2) + ":1", group.flowIds().get(1) + ":2",
                    group.flowIds().get(2) + ":2");

            // one PART when the rejection came, then the final status
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(groupCallbacks(receiver, callback))
                    .hasSize(2));
            List<JsonNode> groupCallbacks = groupCallbacks(receiver, callback);
            assertThat(groupCallbacks).extracting(m -> m.at("/MsgData/Status").asText())
                    .containsExactly("PART", "INVALID");
            assertThat(groupCallbacks.get(0).at("/MsgData/RejectedCount").asInt()).isEqualTo(1);
            assertThat(groupCallbacks.get(0).at("/MsgData/CancelledCount").asInt()).isZero();
            assertThat(groupCallbacks.get(1).at("/MsgData/CancelledCount").asInt()).isEqualTo(2);

            // the path in the group's history
            String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(group.id())
                    .singleResult().getId();
            List<String> passed = history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .finished().orderPartiallyByOccurrence().asc().list().stream()
                    .map(HistoricActivityInstance::getActivityId).toList();
            // where the all-or-nothing gateway led shows in the step after it (level audit-steps)
            assertThat(passed).containsSubsequence("Task_MarkGroupPart", "IntermediateThrowEvent_AnnounceGroupPart",
                    "Task_CancelRestOfGroup", "EndEvent_RestCancelled", "Task_ConcludeGroup",
                    "IntermediateThrowEvent_AnnounceGroupEnded", "EndEvent_GroupEnded");
            assertThat(passed).doesNotContain("Gateway_AllOrNothing", "StartEvent_GroupRequested");
            assertThat(passed.stream().filter("Task_MarkGroupPart"::equals)).hasSize(1);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .variableName("flowGroupStatus").singleResult().getValue()).isEqualTo("INVALID");
        }
    }

    @Test
    void underTheIndependentPolicyARejectionAnnouncesPartAndTheRestGoesOn() throws Exception {
        Tenant tenant = tenants().create();
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            JsonNode callback = admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                    Map.of("url", receiver.url()), true).body();
            String mobile = Tenants.mobile();
            Group group = create(tenant, Requests.group(tenant, 2, List.of(Requests.person("乙", mobile))));
            SignerClient signer = SignerClient.invited(admin(), mobile);
            signer.reject(signer.code(), "不同意", List.of(group.flowIds().get(0)));

            assertThat(outcome(group)).isEqualTo("PART 0 1 0 0");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(groupCallbacks(receiver, callback))
                    .extracting(m -> m.at("/MsgData/Status").asText()).containsExactly("PART"));
            assertThat(statuses(group)).containsExactly(FlowStatus.REJECTED, FlowStatus.TO_SIGN);
        }
    }

    @Test
    void cancelFlowGroupThroughTheSdkCancelsEveryOpenContractWithTheRefundRule() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        // the first contract has an auto-signer only and completes at once; it stays completed
        ObjectNode request = Requests.group(tenant, 3, List.of(Requests.person("丙", mobile)));
        ((com.fasterxml.jackson.databind.node.ArrayNode) request.at("/FlowGroupInfos/0/Approvers")).removeAll()
                .add(Requests.autoSigner(tenant));
        Group group = create(tenant, request);
        CommonClient common = common(tenant.api());
        String cancel = "{\"Operator\":{\"UserId\":\"" + tenant.operatorId() + "\"},\"FlowGroupId\":\"" + group.id()
                + "\",\"CancelMessage\":\"项目取消\"}";

        JsonNode answer = Requests.parse(common.call("CancelFlowGroup", cancel));

        assertThat(answer.at("/Response/RequestId").asText()).isNotBlank();
        assertThat(statuses(group)).containsExactly(FlowStatus.ALL_SIGNED, FlowStatus.CANCELLED, FlowStatus.CANCELLED);
        assertThat(describe(group).at("/FlowDetailInfos/2/FlowMessage").asText()).isEqualTo("项目取消");
        assertThat(used(tenant)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outcome(group))
                .isEqualTo("INVALID 1 0 0 2"));
        String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(group.id())
                .singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("Task_CancelGroup").count()).isEqualTo(1);
        // a whole group cancelled is not a partial failure
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("Task_MarkGroupPart").count()).isZero();
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("cancelMessage")
                .count()).isZero();

        assertThat(sdkCode(common, "CancelFlowGroup", cancel)).isEqualTo("OperationDenied.FlowHasTerminated");
        assertThat(sdkCode(common, "CancelFlowGroup", cancel.replace(group.id(), "nosuchgroup")))
                .isEqualTo("ResourceNotFound.Flow");
        assertThat(sdkCode(common, "CancelFlowGroup", cancel.replace("项目取消", " "))).isEqualTo("InvalidParameter");
        assertThat(sdkCode(common, "CancelFlowGroup", "{\"Operator\":{\"UserId\":\"" + tenant.operatorId()
                + "\"},\"FlowGroupId\":\"" + group.id() + "\"}")).isEqualTo("MissingParameter");
        Tenant stranger = tenants().create(null, 10, 0);
        assertThat(sdkCode(common(stranger.api()), "CancelFlowGroup", cancel.replace(tenant.operatorId(),
                stranger.operatorId()))).isEqualTo("ResourceNotFound.Flow");
    }

    @Test
    void anOperatorCancelsAGroupThroughTheAdminApi() {
        Tenant tenant = tenants().create();
        Group group = create(tenant, Requests.group(tenant, 2, List.of(Requests.person("丁", Tenants.mobile()))));
        String path = "/admin/flow-groups/" + group.id() + "/cancel";

        assertThat(admin().send("POST", path, Map.of("cancelMessage", ""), true).status()).isEqualTo(400);
        assertThat(admin().send("POST", path, Map.of("cancelMessage", "合同作废"), false).status()).isEqualTo(401);
        assertThat(admin().send("POST", path, Map.of("cancelMessage", "合同作废"), true).status()).isEqualTo(200);

        assertThat(statuses(group)).containsExactly(FlowStatus.CANCELLED, FlowStatus.CANCELLED);
        assertThat(used(tenant)).isZero();
        AdminClient.Reply again = admin().send("POST", path, Map.of("cancelMessage", "合同作废"), true);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).startsWith("OperationDenied.FlowHasTerminated");
        assertThat(admin().send("POST", "/admin/flow-groups/nosuchgroup/cancel", Map.of("cancelMessage", "合同作废"),
                true).status()).isEqualTo(404);
        assertThat(jdbc.sql("select actor from audit_event where flow_id = ? and event = 'CANCELLED'")
                .param(group.flowIds().get(0)).query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void modifyFlowGroupDeadlineMovesEveryOpenContractsDeadlineTimer() throws Exception {
        Tenant tenant = tenants().create();
        long tomorrow = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
        ObjectNode request = Requests.group(tenant, 2, List.of(Requests.person("戊", Tenants.mobile())));
        request.get("FlowGroupInfos").forEach(info -> ((ObjectNode) info).put("Deadline", tomorrow));
        Group group = create(tenant, request);
        CommonClient common = common(tenant.api());
        long later = Instant.now().plus(Duration.ofDays(10)).getEpochSecond();
        String modify = "{\"Operator\":{\"UserId\":\"" + tenant.operatorId() + "\"},\"FlowGroupId\":\"" + group.id()
                + "\",\"Deadline\":" + later + "}";

        assertThat(Requests.parse(common.call("ModifyFlowGroupDeadline", modify)).at("/Response/RequestId").asText())
                .isNotBlank();

        assertThat(timers(group)).containsOnly(later);
        assertThat(deadlines(group)).containsOnly(later);
        // earlier than now, not later than the current deadline, absent, unknown group
        assertThat(sdkCode(common, "ModifyFlowGroupDeadline", modify.replace(String.valueOf(later),
                String.valueOf(tomorrow)))).isEqualTo("InvalidParameter.FlowDeadLine");
        assertThat(sdkCode(common, "ModifyFlowGroupDeadline", modify.replace(String.valueOf(later), "1600000000")))
                .isEqualTo("InvalidParameter.FlowDeadLine");
        assertThat(sdkCode(common, "ModifyFlowGroupDeadline", modify.replace(",\"Deadline\":" + later, "")))
                .isEqualTo("MissingParameter");
        assertThat(sdkCode(common, "ModifyFlowGroupDeadline", modify.replace(group.id(), "nosuchgroup")))
                .isEqualTo("ResourceNotFound.Flow");

        long evenLater = later + 86_400;
        assertThat(admin().send("PUT", "/admin/flow-groups/" + group.id() + "/deadline", Map.of("deadline", later),
                true).status()).isEqualTo(400);
        assertThat(admin().send("PUT", "/admin/flow-groups/" + group.id() + "/deadline",
                Map.of("deadline", evenLater), true).status()).isEqualTo(200);
        assertThat(timers(group)).containsOnly(evenLater);

        // the moved timer still ends the contract when it fires
        String flow = group.flowIds().get(0);
        String signFlow = runtime.createProcessInstanceQuery().processInstanceBusinessKey(flow).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(signFlow).timers().singleResult().getId());
        assertThat(statuses(group)).containsExactly(FlowStatus.EXPIRED, FlowStatus.TO_SIGN);
        assertThat(outcome(group)).isEqualTo("PART 0 0 1 0");
    }

    private List<Long> timers(Group group) {
        return group.flowIds().stream().map(flowId -> {
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(flowId).singleResult()
                    .getId();
            return management.createJobQuery().processInstanceId(instance).timers().singleResult().getDuedate()
                    .toInstant().getEpochSecond();
        }).toList();
    }

    private List<Long> deadlines(Group group) {
        return jdbc.sql("select deadline from flow where group_id = ?").param(group.id())
                .query(java.time.OffsetDateTime.class).list().stream().map(d -> d.toInstant().getEpochSecond()).toList();
    }

    private static String sdkCode(CommonClient common, String action, String body) {
        try {
            common.call(action, body);
            return "OK";
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    private static JsonNode describe(Group group) {
        return group.tenant().api().ok("DescribeFlowInfo", Map.of("Operator",
                Map.of("UserId", group.tenant().operatorId()), "FlowGroupId", group.id()));
    }

    private static List<Integer> statuses(Group group) {
        List<Integer> statuses = new ArrayList<>();
        describe(group).get("FlowDetailInfos").forEach(f -> statuses.add(f.get("FlowStatus").asInt()));
        return statuses;
    }

    /** FlowGroupStatus and the completed, rejected, expired, cancelled counts. */
    private static String outcome(Group group) {
        JsonNode info = describe(group);
        return String.join(" ", info.get("FlowGroupStatus").asText(), info.get("CompletedCount").asText(),
                info.get("RejectedCount").asText(), info.get("ExpiredCount").asText(),
                info.get("CancelledCount").asText());
    }

    private long used(Tenant tenant) {
        return admin().get("/admin/organizations/" + tenant.organizationId() + "/quota").get("used").asLong();
    }

    /** Every entry of the bill today, as "FlowId:CostType". */
    private static List<String> bill(Tenant tenant) {
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        List<String> entries = new ArrayList<>();
        tenant.api().ok("DescribeBillUsageDetail", Map.of("StartTime", today, "EndTime", tomorrow)).get("Details")
                .forEach(d -> entries.add(d.get("FlowId").asText() + ":" + d.get("CostType").asInt()));
        return entries;
    }

    private static List<JsonNode> groupCallbacks(CallbackReceiver receiver, JsonNode callback) throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        for (CallbackReceiver.Received received : receiver.received()) {
            JsonNode message = received.open(callback.get("key").asText(), callback.get("token").asText());
            if (message.get("MsgType").asText().equals("FlowGroupStatusChange")) {
                messages.add(message);
            }
        }
        messages.sort(Comparator.comparingLong(m -> m.at("/MsgData/OccurTime").asLong()));
        return messages;
    }
}
