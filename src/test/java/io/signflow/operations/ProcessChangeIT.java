package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.outbox.OutboxRepository;
import io.signflow.process.ProcessDeployer;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.CallbackRetries;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator changes a process without touching Java: the models come from a directory
 * (SIGNFLOW_BPMN_DIR), one is replaced by an example from docs/examples/bpmn with a user task added,
 * and the application deploys it as at a restart. Instances started before finish on their version
 * as it was modelled — one waiting before the changed step passes it without the new task — and new
 * ones stop at the new task, which the documented engine REST commands complete, and then end. The
 * same commands, read from docs/operating.md, list incidents, retry a job, find an instance by its
 * business key and correlate a message; every command on that page is run here. A setting that
 * belongs to the process (how long a callback retry may take) is read from the model.
 */
class ProcessChangeIT extends ApiTestBase {

    private static final Path MODELS = copyOfTheModels();
    private static final DocumentedCommands COMMANDS = new DocumentedCommands("The engine REST API");

    @DynamicPropertySource
    static void modelsFromADirectory(DynamicPropertyRegistry registry) {
        registry.add("signflow.bpmn.location", () -> "file:" + MODELS);
    }

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void restoreTheOriginalModels() throws Exception {
        for (String model : List.of("flow-group.bpmn", "sign-flow.bpmn", "message-delivery.bpmn")) {
            Files.copy(Path.of("bpmn", model), MODELS.resolve(model), StandardCopyOption.REPLACE_EXISTING);
        }
        restart();
    }

    @AfterAll
    static void everyDocumentedCommandWasRun() {
        assertThat(COMMANDS.notRun()).as("commands of docs/operating.md no test ran").isEmpty();
    }

    @Test
    void aContractWaitingBeforeTheChangedStepFinishesOnItsVersionWhileNewContractsFollowTheNewModel() throws Exception {
        Tenant tenant = tenants().create(null, 100, 1);
        String before = Tenants.mobile();
        String after = Tenants.mobile();
        String oldGroup = create(tenant, before);   // its contracts wait for their signer, before the changed step
        int groupVersion = latestVersion("flow-group");

        change("sign-flow-with-review.bpmn", "sign-flow.bpmn");
        String newGroup = create(tenant, after);
        List<HistoricProcessInstance> oldFlows = contracts(oldGroup);
        List<HistoricProcessInstance> newFlows = contracts(newGroup);
        assertThat(version(newFlows.get(0))).isEqualTo(version(oldFlows.get(0)) + 1);
        assertThat(latestVersion("flow-group")).as("only the changed model is deployed again").isEqualTo(groupVersion);

        // the old contracts, signed now, go on as their version says: sealed at once, no check
        SignerClient.invited(admin(), before).signNow();
        awaitEnded(oldGroup);
        for (HistoricProcessInstance flow : oldFlows) {
            assertThat(passed(flow, "UserTask_CheckBeforeSealing")).isFalse();
            assertThat(passed(flow, "EndEvent_Completed")).isTrue();
        }

        // the new ones stop at the check once signed, and are sealed only after it
        SignerClient.invited(admin(), after).signNow();
        List<String> tasks = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            tasks.clear();
            for (JsonNode task : COMMANDS.run("tasks", port, Map.of("TASK_KEY", "UserTask_CheckBeforeSealing"))) {
                if (newFlows.stream().anyMatch(f -> f.getId().equals(task.get("processInstanceId").asText()))) {
                    tasks.add(task.get("id").asText());
                }
            }
            return tasks.size() == 2;
        });
        assertThat(sealed(newGroup)).isZero();
        for (String task : tasks) {
            COMMANDS.run("complete", port, Map.of("TASK_ID", task));
        }
        awaitEnded(newGroup);
        for (HistoricProcessInstance flow : newFlows) {
            assertThat(passed(flow, "UserTask_CheckBeforeSealing")).isTrue();
            assertThat(passed(flow, "EndEvent_Completed")).isTrue();
        }
    }

    @Test
    void aGroupStartedBeforeTheReviewWasAddedEndsWithoutItWhileNewGroupsWaitForIt() throws Exception {
        Tenant tenant = tenants().create(null, 100, 1);
        String before = Tenants.mobile();
        String after = Tenants.mobile();
        String running = create(tenant, before);
        int flowVersion = latestVersion("sign-flow");

        change("flow-group-with-review.bpmn", "flow-group.bpmn");
        String reviewed = create(tenant, after);
        assertThat(version(group(reviewed))).isEqualTo(version(group(running)) + 1);
        assertThat(latestVersion("sign-flow")).as("only the changed model is deployed again").isEqualTo(flowVersion);
        // the new group waits for its review: its contracts exist, nobody has been told
        assertThat(SignerClient.invitations(admin(), after)).isZero();
        assertThat(contracts(reviewed)).isEmpty();

        SignerClient.invited(admin(), before).signNow();
        awaitEnded(running);
        assertThat(passed(group(running), "UserTask_ReviewGroup")).isFalse();

        String taskId = null;
        for (JsonNode task : COMMANDS.run("tasks", port, Map.of("TASK_KEY", "UserTask_ReviewGroup"))) {
            if (task.get("processInstanceId").asText().equals(group(reviewed).getId())) {
                taskId = task.get("id").asText();
            }
        }
        assertThat(taskId).isNotNull();
        COMMANDS.run("complete", port, Map.of("TASK_ID", taskId));
        assertThat(SignerClient.invitations(admin(), after)).isEqualTo(1);
        SignerClient.invited(admin(), after).signNow();
        awaitEnded(reviewed);
        assertThat(passed(group(reviewed), "UserTask_ReviewGroup")).isTrue();
    }

    @Test
    void theDocumentedCommandsListIncidentsRetryTheFailedJobAndFindInstancesByBusinessKey() {
        Tenant tenant = tenants().create(null, 100, 1);
        String groupId = create(tenant, Tenants.mobile());
        String flowInstance = contracts(groupId).get(0).getId();
        String jobId = management.createJobQuery().processInstanceId(flowInstance).singleResult().getId();
        management.setJobRetries(jobId, 0);

        JsonNode incidents = COMMANDS.run("incidents", port, Map.of());
        assertThat(incidents.findValuesAsText("configuration")).contains(jobId);
        COMMANDS.run("retry", port, Map.of("JOB_ID", jobId));

        assertThat(runtime.createIncidentQuery().configuration(jobId).count()).isZero();
        assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isEqualTo(1);
        JsonNode instances = COMMANDS.run("instance", port, Map.of("PROCESS", "flow-group", "BUSINESS_KEY", groupId));
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).get("id").asText()).isEqualTo(group(groupId).getId());
    }

    @Test
    void theDocumentedCommandCorrelatesAMessageByBusinessKey() {
        Tenant tenant = tenants().create(null, 100, 1);
        String mobile = Tenants.mobile();
        String groupId = create(tenant, mobile);
        HistoricProcessInstance flow = contracts(groupId).get(0);

        JsonNode result = COMMANDS.run("correlate", port, Map.of("MESSAGE", "ApproverSigned",
                "FLOW_ID", flow.getBusinessKey()));
        assertThat(result).hasSize(1);
        assertThat(result.get(0).at("/execution/processInstanceId").asText()).isEqualTo(flow.getId());
        // nothing was signed: the contract looked again and waits for its signer, who is not told twice
        assertThat(runtime.getActiveActivityIds(flow.getId())).contains("ReceiveTask_AwaitSignature");
        assertThat(SignerClient.invitations(admin(), mobile)).isEqualTo(1);
    }

    @Test
    void howLongACallbackRetryMayTakeIsTheModelsSetting() throws Exception {
        Files.writeString(MODELS.resolve("message-delivery.bpmn"), Files.readString(Path.of("bpmn/message-delivery.bpmn"))
                .replace("<camunda:inputParameter name=\"attemptTimeout\">PT10S<", "<camunda:inputParameter name=\"attemptTimeout\">PT2S<"));
        restart();
        try (CallbackReceiver trickling = CallbackReceiver.answering(() -> CallbackReceiver.Answer.TRICKLE)) {
            Tenant tenant = tenants().create(null, 1, 0);
            String instance = new CallbackRetries(transaction, outbox, runtime)
                    .start(tenant.organizationId(), trickling.url(), 1).get(0);
            String error = await().atMost(Duration.ofSeconds(20)).until(() -> management.createJobQuery()
                    .processInstanceId(instance).singleResult().getExceptionMessage(), java.util.Objects::nonNull);
            assertThat(error).contains("did not answer completely within 2 s");
            runtime.deleteProcessInstance(instance, "test over");
        }
    }

    private String create(Tenant tenant, String mobile) {
        return tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("审阅", mobile)))).get("FlowGroupId").asText();
    }

    /** Puts the example in place of a model and deploys as a restart does. */
    private void change(String example, String model) throws Exception {
        Files.copy(Path.of("docs/examples/bpmn", example), MODELS.resolve(model), StandardCopyOption.REPLACE_EXISTING);
        restart();
    }

    private void restart() {
        new ProcessDeployer(repository, "file:" + MODELS).afterPropertiesSet();
    }

    private HistoricProcessInstance group(String groupId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("flow-group")
                .processInstanceBusinessKey(groupId).singleResult();
    }

    private List<HistoricProcessInstance> contracts(String groupId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("sign-flow")
                .superProcessInstanceId(group(groupId).getId()).list();
    }

    private int version(HistoricProcessInstance instance) {
        return repository.getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
    }

    private int latestVersion(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                .getVersion();
    }

    private boolean passed(HistoricProcessInstance instance, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(activityId)
                .finished().count() > 0;
    }

    private long sealed(String groupId) {
        return jdbc.sql("select count(*) from sealed_document s join flow f on f.id = s.flow_id where f.group_id = ?")
                .param(groupId).query(Long.class).single();
    }

    /** The group's process has ended, every contract completed and sealed. */
    private void awaitEnded(String groupId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> group(groupId).getEndTime() != null);
        assertThat(jdbc.sql("select count(*) from flow where group_id = ? and status = 4").param(groupId)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(sealed(groupId)).isEqualTo(2);
        assertThat(passed(group(groupId), "EndEvent_GroupEnded")).isTrue();
    }

    private static Path copyOfTheModels() {
        try {
            Path dir = Files.createTempDirectory("signflow-models-");
            for (var model : new PathMatchingResourcePatternResolver().getResources("classpath:bpmn/*.bpmn")) {
                try (InputStream in = model.getInputStream()) {
                    Files.copy(in, dir.resolve(model.getFilename()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
