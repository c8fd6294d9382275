package io.signflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * flow-group started by the engine instead of CreateFlowGroupByFiles: over the engine REST API and
 * by a call activity (docs/examples/bpmn/onboarding.bpmn). The group is the same as one created
 * through the API; a refused request is the API's code, as a BPMN error the caller catches.
 */
class EngineStartedGroupIT extends ApiTestBase {

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void deployTheOnboardingExample() throws Exception {
        try (InputStream model = Files.newInputStream(Path.of("docs/examples/bpmn/onboarding.bpmn"))) {
            repository.createDeployment().name("onboarding-example").enableDuplicateFiltering(true)
                    .addInputStream("onboarding.bpmn", model).deploy();
        }
    }

    private static Map<String, Object> variable(Object value) {
        return Map.of("value", value, "type", "String");
    }

    private AdminClient.Reply startOverRest(Tenant tenant, ObjectNode request, boolean authenticated) {
        return admin().send("POST", "/engine-rest/process-definition/key/flow-group/start", Map.of("variables",
                Map.of("flowGroupRequest", variable(request.toString()),
                        "organizationId", variable(tenant.organizationId()),
                        "operatorUserId", variable(tenant.operatorId()))), authenticated);
    }

    @Test
    void aGroupStartedOverEngineRestIsLikeOneCreatedThroughTheApi() throws Exception {
        Tenant tenant = tenants().create();
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            JsonNode callback = admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                    Map.of("url", receiver.url()), true).body();
            ObjectNode request = Requests.group(tenant, 2, List.of(Requests.person("甲", Tenants.mobile())));
            // the Operator may be left to the operatorUserId variable
            request.remove("Operator");

            assertThat(startOverRest(tenant, request, false).status()).isEqualTo(401);
            AdminClient.Reply started = startOverRest(tenant, request, true);

            assertThat(started.status()).isEqualTo(200);
            String groupId = started.body().get("businessKey").asText();
            JsonNode group = tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId",
                    tenant.operatorId()), "FlowGroupId", groupId));
            assertThat(group.get("FlowGroupName").asText()).isEqualTo("测试合同组");
            assertThat(group.get("FlowGroupStatus").asText()).isEqualTo("PROCESSING");
            assertThat(group.get("FlowDetailInfos")).hasSize(2);
            assertThat(group.at("/FlowDetailInfos/0/Creator").asText()).isEqualTo(tenant.operatorId());
            assertThat(used(tenant)).isEqualTo(2);
            // the request is not kept on the instance; its id is
            String instance = started.body().get("id").asText();
            assertThat(runtime.getVariable(instance, "flowGroupId")).isEqualTo(groupId);
            assertThat(runtime.getVariable(instance, "flowGroupRequest")).isNull();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(starts(receiver, callback))
                    .hasSize(2));
        }
    }

    @Test
    void aRequestRefusedOverEngineRestNamesTheApisCodeAndLeavesNothing() {
        Tenant tenant = tenants().create(null, 1, 1);
        long groups = groups(tenant);

        AdminClient.Reply tooFew = startOverRest(tenant, Requests.group(tenant, 1, List.of(Requests.person("乙",
                Tenants.mobile()))), true);
        AdminClient.Reply noQuota = startOverRest(tenant, Requests.group(tenant, 2, List.of(Requests.person("乙",
                Tenants.mobile()))), true);
        ObjectNode someoneElse = Requests.group(tenant, 2, List.of(Requests.person("乙", Tenants.mobile())));
        someoneElse.putObject("Operator").put("UserId", "someoneelse");
        AdminClient.Reply otherOperator = startOverRest(tenant, someoneElse, true);

        // the engine REST API answers every refused start with 500 and the refusal in its message
        assertThat(tooFew.status()).isEqualTo(500);
        assertThat(tooFew.body().get("message").asText()).contains("InvalidParameter.ParamError")
                .contains("FlowGroupInfos");
        assertThat(noQuota.status()).isEqualTo(500);
        assertThat(noQuota.body().get("message").asText()).contains("OperationDenied.NoQuota");
        assertThat(otherOperator.body().get("message").asText()).contains("InvalidParameter");
        assertThat(groups(tenant)).isEqualTo(groups);
        assertThat(used(tenant)).isZero();
    }

    @Test
    void theOnboardingExampleWaitsForItsGroupAndContinuesWithTheOutcome() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        ObjectNode request = Requests.group(tenant, 2, List.of(Requests.person("丙", mobile)));

        String onboarding = runtime.startProcessInstanceByKey("onboarding", Map.of("flowGroupRequest",
                request.toString(), "organizationId", tenant.organizationId(), "operatorUserId", tenant.operatorId()))
                .getId();

        String groupId = runtime.createProcessInstanceQuery().superProcessInstanceId(onboarding).singleResult()
                .getBusinessKey();
        JsonNode group = tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId",
                tenant.operatorId()), "FlowGroupId", groupId));
        assertThat(group.get("FlowDetailInfos")).hasSize(2);
        assertThat(used(tenant)).isEqualTo(2);

        SignerClient.invited(admin(), mobile).signNow();

        HistoricProcessInstance ended = await().atMost(Duration.ofSeconds(30)).until(() -> history
                .createHistoricProcessInstanceQuery().processInstanceId(onboarding).singleResult(),
                p -> p.getEndTime() != null);
        assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_Onboarded");
        assertThat(variable(onboarding, "flowGroupId")).isEqualTo(groupId);
        assertThat(variable(onboarding, "flowGroupStatus")).isEqualTo("ALL");
    }

    @Test
    void aRefusedRequestIsABpmnErrorWithTheApisCodeThatTheCallerCatches() {
        Tenant tenant = tenants().create(null, 1, 1);
        long groups = groups(tenant);
        ObjectNode request = Requests.group(tenant, 2, List.of(Requests.person("丁", Tenants.mobile())));

        String onboarding = runtime.startProcessInstanceByKey("onboarding", Map.of("flowGroupRequest",
                request.toString(), "organizationId", tenant.organizationId(), "operatorUserId", tenant.operatorId()))
                .getId();

        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(onboarding)
                .singleResult();
        assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_Refused");
        assertThat(variable(onboarding, "refusalCode")).isEqualTo("OperationDenied.NoQuota");
        assertThat((String) variable(onboarding, "refusalMessage")).contains("units of contract quota");
        assertThat(groups(tenant)).isEqualTo(groups);
        assertThat(used(tenant)).isZero();
    }

    private Object variable(String instance, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult().getValue();
    }

    private long used(Tenant tenant) {
        return admin().get("/admin/organizations/" + tenant.organizationId() + "/quota").get("used").asLong();
    }

    private long groups(Tenant tenant) {
        return jdbc.sql("select count(*) from flow_group where organization_id = ?").param(tenant.organizationId())
                .query(Long.class).single();
    }

    private static List<String> starts(CallbackReceiver receiver, JsonNode callback) throws Exception {
        List<String> flows = new ArrayList<>();
        for (CallbackReceiver.Received received : receiver.received()) {
            JsonNode message = received.open(callback.get("key").asText(), callback.get("token").asText());
            if (message.at("/MsgData/Operate").asText().equals("start")) {
                flows.add(message.at("/MsgData/FlowId").asText());
            }
        }
        return flows;
    }
}
