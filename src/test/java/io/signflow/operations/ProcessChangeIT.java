package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.process.ProcessDeployer;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
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
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator changes a process without touching Java: the models come from a directory
 * (SIGNFLOW_BPMN_DIR), one is replaced by a version with a review user task, the application deploys
 * at start. New groups follow the new version, groups already running finish on theirs, and the
 * review is completed with the documented engine REST script. The same script lists incidents and
 * retries a failed job.
 */
class ProcessChangeIT extends ApiTestBase {

    private static final Path MODELS = copyOfTheModels();

    @DynamicPropertySource
    static void modelsFromADirectory(DynamicPropertyRegistry registry) {
        registry.add("signflow.bpmn.location", () -> "file:" + MODELS);
    }

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @org.junit.jupiter.api.AfterEach
    void restoreTheOriginalModels() throws Exception {
        Files.copy(Path.of("bpmn/flow-group.bpmn"), MODELS.resolve("flow-group.bpmn"), StandardCopyOption.REPLACE_EXISTING);
        new ProcessDeployer(repository, "file:" + MODELS).afterPropertiesSet();
    }

    @Test
    void newGroupsFollowTheChangedModelWhileRunningOnesFinishOnTheirs() throws Exception {
        Tenant tenant = tenants().create(null, 100, 1);
        String before = Tenants.mobile();
        String after = Tenants.mobile();
        String running = create(tenant, before);

        Files.copy(Path.of("docs/examples/bpmn/flow-group-with-review.bpmn"), MODELS.resolve("flow-group.bpmn"),
                StandardCopyOption.REPLACE_EXISTING);
        new ProcessDeployer(repository, "file:" + MODELS).afterPropertiesSet();   // what a restart does
        String reviewed = create(tenant, after);

        assertThat(definitionVersion(reviewed)).isEqualTo(definitionVersion(running) + 1);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("sign-flow").count()).isEqualTo(1);
        // the new group waits for its review: its contracts exist, nobody has been told
        assertThat(SignerClient.invitations(admin(), after)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("sign-flow")
                .superProcessInstanceId(instance(reviewed).getId()).count()).isZero();
        // the running group goes on as before
        SignerClient.invited(admin(), before).signNow();

        JsonNode tasks = script("tasks");
        String taskId = null;
        for (JsonNode task : tasks) {
            if (task.get("processInstanceId").asText().equals(instance(reviewed).getId())) {
                assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("UserTask_ReviewGroup");
                taskId = task.get("id").asText();
            }
        }
        assertThat(taskId).isNotNull();
        script("complete", taskId);

        assertThat(SignerClient.invitations(admin(), after)).isEqualTo(1);
        SignerClient.invited(admin(), after).signNow();
    }

    @Test
    void theScriptListsIncidentsAndRetriesTheFailedJob() throws Exception {
        Tenant tenant = tenants().create(null, 100, 1);
        String groupId = create(tenant, Tenants.mobile());
        String flowInstance = runtime.createProcessInstanceQuery().processDefinitionKey("sign-flow")
                .superProcessInstanceId(instance(groupId).getId()).list().get(0).getId();
        String jobId = management.createJobQuery().processInstanceId(flowInstance).singleResult().getId();
        management.setJobRetries(jobId, 0);

        JsonNode incidents = script("incidents");
        assertThat(incidents.findValuesAsText("configuration")).contains(jobId);
        script("retry", jobId);

        assertThat(runtime.createIncidentQuery().configuration(jobId).count()).isZero();
        assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isEqualTo(1);
        JsonNode instances = script("instances", "flow-group");
        assertThat(instances.findValuesAsText("businessKey")).contains(groupId);
    }

    private String create(Tenant tenant, String mobile) {
        return tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("审阅", mobile)))).get("FlowGroupId").asText();
    }

    private ProcessInstance instance(String groupId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("flow-group").processInstanceBusinessKey(groupId)
                .singleResult();
    }

    private int definitionVersion(String groupId) {
        return repository.getProcessDefinition(instance(groupId).getProcessDefinitionId()).getVersion();
    }

    /** Runs scripts/engine-rest.sh as an operator would, against this server. */
    private JsonNode script(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "scripts/engine-rest.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SIGNFLOW_URL", "http://127.0.0.1:" + port);
        builder.environment().put("SIGNFLOW_ADMIN_USER", AdminClient.USER);
        builder.environment().put("SIGNFLOW_ADMIN_PASSWORD", AdminClient.PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output.isBlank() ? ApiClient.JSON.createObjectNode() : ApiClient.JSON.readTree(output);
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
