package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.sealing.PlatformIdentityStore;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secrets stay secret: an API secret key, a callback key and token, and the platform's private key
 * appear nowhere in the log, in later answers or in process variables, and are stored encrypted.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsIT extends ApiTestBase {

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformIdentityStore identities;

    @Test
    void secretsAppearNeitherInLogsNorInLaterAnswersNorInProcessVariables(CapturedOutput output) {
        Tenant tenant = tenants().create();
        String secretKey = tenant.api().secretKey();
        JsonNode callback = admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                Map.of("url", "http://127.0.0.1:9/callback"), true).body();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles",
                Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant), Requests.person("周八", "13900000088"))));
        String groupId = created.get("FlowGroupId").asText();
        String privateKey = Base64.getEncoder().encodeToString(identities.identity().privateKey().getEncoded());

        List<String> secrets = List.of(secretKey, callback.get("key").asText(), callback.get("token").asText(),
                privateKey.substring(0, 64));
        String quota = admin().get("/admin/organizations/" + tenant.organizationId() + "/quota").toString();
        String described = tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowGroupId", groupId)).toString();
        String stored = jdbc.sql("select secret_key_enc from api_key where organization_id = ?")
                .param(tenant.organizationId()).query(String.class).single()
                + jdbc.sql("select callback_key || callback_token from organization where id = ?")
                .param(tenant.organizationId()).query(String.class).single()
                + jdbc.sql("select private_key_enc from platform_identity").query(String.class).single();
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(quota + described).doesNotContain(secret);
            assertThat(stored).doesNotContain(secret);
        }

        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(groupId)
                        .list().stream().map(p -> p.getId()).toArray(String[]::new)).list();
        assertThat(variables).isNotEmpty();
        assertThat(variables).extracting(HistoricVariableInstance::getName)
                .allMatch(Set.of("flowGroupId", "flowId", "flowIds", "outcome", "loopCounter", "nrOfInstances",
                        "nrOfActiveInstances", "nrOfCompletedInstances")::contains);
    }
}
