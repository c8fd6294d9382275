package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.sealing.PlatformIdentityStore;
import io.signflow.support.ApiTestBase;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secrets stay secret: API secret keys, a callback key and token, the platform's private key and the
 * master key, a signer's link token and verification code appear nowhere in the log (read from the
 * application's start), in later answers, or in any variable of any process instance — running or
 * in history, of every process (flow-group, sign-flow, message-delivery) — and keys are stored
 * encrypted.
 */
class SecretsIT extends ApiTestBase {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecretsIT.class);

    @Autowired
    HistoryService history;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformIdentityStore identities;

    @Value("${signflow.demo.secret-key}")
    String demoSecretKey;

    @Value("${signflow.data-dir}")
    Path dataDir;

    @Test
    void secretsAppearNeitherInLogsNorInLaterAnswersNorInProcessVariables() throws Exception {
        try (CallbackReceiver failing = new CallbackReceiver(() -> 500)) {
            Tenant tenant = tenants().create();
            JsonNode callback = admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                    Map.of("url", failing.url()), true).body();
            String mobile = Tenants.mobile();
            JsonNode created = tenant.api().ok("CreateFlowGroupByFiles",
                    Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant), Requests.person("周八", mobile))));
            String groupId = created.get("FlowGroupId").asText();
            SignerClient signer = SignerClient.invited(admin(), mobile);
            String code = signer.code();
            assertThat(signer.sign(code).status()).isEqualTo(200);
            // the group runs to its end, and its callbacks, refused, are in the message-delivery process
            await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey("flow-group").processInstanceBusinessKey(groupId).finished().count() == 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from outbox_message where "
                    + "group_id = ? and kind = 'CALLBACK' and status = 'RETRYING'").param(groupId).query(Long.class)
                    .single() >= 1);

            String privateKey = Base64.getEncoder().encodeToString(identities.identity().privateKey().getEncoded());
            Path masterKeyFile = dataDir.resolve("master.key");
            List<String> secrets = new ArrayList<>(List.of(tenant.api().secretKey(), demoSecretKey,
                    callback.get("key").asText(), callback.get("token").asText(), privateKey.substring(0, 64),
                    privateKey.substring(privateKey.length() - 64), signer.token()));
            if (Files.exists(masterKeyFile)) {
                secrets.add(Files.readString(masterKeyFile).trim());
            }

            String logged = Files.readString(LOG_FILE);
            assertThat(logged).as("the log from the application's start").contains("Demo data loaded")
                    .contains("Started");
            String quota = admin().get("/admin/organizations/" + tenant.organizationId() + "/quota").toString();
            String described = tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId",
                    tenant.operatorId()), "FlowGroupId", groupId)).toString();
            String stored = jdbc.sql("select secret_key_enc from api_key where organization_id = ?")
                    .param(tenant.organizationId()).query(String.class).single()
                    + jdbc.sql("select callback_key || callback_token from organization where id = ?")
                    .param(tenant.organizationId()).query(String.class).single()
                    + jdbc.sql("select private_key_enc from platform_identity").query(String.class).single();
            List<String> variables = everyVariableValue();
            assertThat(variables).as("variables of this group's processes").anyMatch(v -> v.contains(groupId));
            for (String secret : secrets) {
                assertThat(logged).doesNotContain(secret);
                assertThat(quota + described).doesNotContain(secret);
                assertThat(stored).doesNotContain(secret);
                assertThat(variables).noneMatch(v -> v.contains(secret));
            }
            // the code: as the text sent, as JSON or as a parameter, and as a whole value anywhere
            assertThat(logged).doesNotContain("验证码是" + code).doesNotContain("\"code\":\"" + code)
                    .doesNotContain("code=" + code);
            Pattern wholeCode = Pattern.compile("(?<![0-9])" + code + "(?![0-9])");
            assertThat(variables).noneMatch(v -> wholeCode.matcher(v).find());
            assertThat(described).doesNotContainPattern(wholeCode);
            log.info("{} secrets looked for in {} characters of log and {} variable values and messages", secrets.size() + 1,
                    logged.length(), variables.size());
        }
    }

    @Test
    void theRotationCommandFindsEverythingUnderTheCurrentKeyAndLeavesItReadable() {
        Tenant tenant = tenants().create();
        admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                Map.of("url", "https://example.com/cb"), true);
        String storedBefore = jdbc.sql("select secret_key_enc from api_key where organization_id = ?")
                .param(tenant.organizationId()).query(String.class).single();

        JsonNode rotation = admin().post("/admin/secrets/rotate", null);

        String keyId = rotation.get("keyId").asText();
        assertThat(storedBefore).startsWith("v2:" + keyId + ":");
        assertThat(rotation.get("reencrypted").properties()).hasSize(5).allSatisfy(e -> assertThat(e.getValue().asInt())
                .as(e.getKey()).isZero());
        assertThat(rotation.get("notUnderCurrentKey").properties()).hasSize(5)
                .allSatisfy(e -> assertThat(e.getValue().asInt()).as(e.getKey()).isZero());
        assertThat(rotation.toString()).doesNotContain(tenant.api().secretKey());
        assertThat(jdbc.sql("select secret_key_enc from api_key where organization_id = ?")
                .param(tenant.organizationId()).query(String.class).single()).isEqualTo(storedBefore);
        tenant.api().ok("DescribeFlowBriefs", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowIds", List.of("none")));
        assertThat(admin().send("POST", "/admin/secrets/rotate", null, false).status()).isEqualTo(401);
    }

    /**
     * Every variable value of every process instance the engine holds or remembers, as text, with the
     * failure messages of jobs and incidents, which Cockpit shows next to them.
     */
    private List<String> everyVariableValue() {
        List<String> values = new ArrayList<>();
        for (int first = 0; ; first += 2000) {
            List<HistoricVariableInstance> page = history.createHistoricVariableInstanceQuery().orderByVariableName()
                    .asc().listPage(first, 2000);
            page.forEach(v -> values.add(v.getName() + "=" + v.getValue()));
            if (page.size() < 2000) {
                break;
            }
        }
        for (int first = 0; ; first += 2000) {
            List<VariableInstance> page = runtime.createVariableInstanceQuery().listPage(first, 2000);
            page.forEach(v -> values.add(v.getName() + "=" + v.getValue()));
            if (page.size() < 2000) {
                break;
            }
        }
        management.createJobQuery().withException().list().forEach(j -> values.add(j.getExceptionMessage()));
        runtime.createIncidentQuery().list().forEach(i -> values.add(i.getIncidentMessage()));
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("%").list()
                .forEach(p -> values.add(p.getBusinessKey()));
        return values;
    }
}
