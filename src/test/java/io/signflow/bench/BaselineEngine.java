package io.signflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.process.AuditStepsHistory;
import io.signflow.process.EntityIdCheck;
import io.signflow.process.JobDueDateIndex;
import io.signflow.process.ProcessDeployer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The engine's own limit for the creation benchmark: Signflow's process models, unchanged and deployed
 * the same way, on the same engine settings (application.yml with the postgres profile, and Signflow's
 * engine plugins), with every delegate a no-op, the models' expressions answered from memory and no
 * table but the engine's. It answers a CreateFlowGroupByFiles body posted to "/" by starting a
 * flow-group instance whose multi-instance starts one sign-flow per sub-contract up to its first wait,
 * with the same timers, message subscriptions and variables as Signflow's, and returns the ids. What it
 * leaves out is exactly Signflow's own work: authentication, validation, business rows, quota, audit
 * and the outbox.
 *
 * <p>Started by {@link BenchServer#startBaseline} as its own process from the test classpath. It carries
 * no stereotype annotation, so that component scanning of the application under test never finds it.
 */
@EnableAutoConfiguration(exclude = {FlywayAutoConfiguration.class, SecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
public class BaselineEngine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DELEGATE = Pattern.compile("camunda:delegateExpression=\"\\$\\{(\\w+)}\"");

    /** Sub-contract ids of the groups being started, read once by the multi-instance as it begins. */
    private final Map<String, List<String>> starting = new ConcurrentHashMap<>();

    public static void main(String[] args) {
        SpringApplication.run(BaselineEngine.class, args);
    }

    @Bean
    ProcessDeployer baselineDeployer(RepositoryService repository) {
        return new ProcessDeployer(repository, "classpath:bpmn");
    }

    /** Signflow's engine plugins, so that the engine is configured as Signflow's is. */
    @Bean
    AuditStepsHistory auditStepsHistory() {
        return new AuditStepsHistory();
    }

    @Bean
    EntityIdCheck entityIdCheck() {
        return new EntityIdCheck();
    }

    @Bean
    JobDueDateIndex jobDueDateIndex() {
        return new JobDueDateIndex();
    }

    /** A no-op delegate under each name the models use, read from the models so that none is missed. */
    @Bean
    static BeanDefinitionRegistryPostProcessor noOpDelegates() {
        return registry -> registerNoOpDelegates(registry);
    }

    private static void registerNoOpDelegates(BeanDefinitionRegistry registry) {
        try {
            for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath:bpmn/*.bpmn")) {
                try (InputStream in = model.getInputStream()) {
                    Matcher names = DELEGATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (names.find()) {
                        if (registry.containsBeanDefinition(names.group(1))) {
                            continue;
                        }
                        RootBeanDefinition noOp = new RootBeanDefinition(JavaDelegate.class);
                        noOp.setInstanceSupplier(() -> (JavaDelegate) execution -> { });
                        registry.registerBeanDefinition(names.group(1), noOp);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the process models", e);
        }
    }

    @Bean(name = "flowGroups")
    FlowGroups flowGroups() {
        return new FlowGroups(starting);
    }

    @Bean(name = "signFlows")
    SignFlows signFlows() {
        return new SignFlows();
    }

    @Bean(name = "messageDeliveries")
    MessageDeliveries messageDeliveries() {
        return new MessageDeliveries();
    }

    @Bean
    RouterFunction<ServerResponse> createFlowGroup(RuntimeService runtime) {
        return RouterFunctions.route().POST("/", request -> {
            JsonNode body = JSON.readTree(request.body(byte[].class));
            String groupId = UUID.randomUUID().toString().replace("-", "");
            List<String> flowIds = new ArrayList<>();
            body.path("FlowGroupInfos").forEach(info -> flowIds.add(UUID.randomUUID().toString().replace("-", "")));
            starting.put(groupId, flowIds);
            try {
                runtime.createProcessInstanceByKey("flow-group").businessKey(groupId)
                        .setVariable("flowGroupId", groupId).execute();
            } finally {
                starting.remove(groupId);
            }
            ObjectNode response = JSON.createObjectNode();
            ObjectNode answer = response.putObject("Response");
            answer.put("FlowGroupId", groupId);
            flowIds.forEach(answer.putArray("FlowIds")::add);
            answer.put("RequestId", UUID.randomUUID().toString());
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(response));
        }).build();
    }

    /** flow-group.bpmn's questions: the sub-contracts just posted; no failures, no all-or-nothing policy. */
    public record FlowGroups(Map<String, List<String>> starting) {

        public List<String> flowIds(String flowGroupId) {
            return starting.get(flowGroupId);
        }

        public boolean firstFailure(String flowGroupId, String flowId) {
            return false;
        }

        public boolean allOrNothing(String flowGroupId) {
            return false;
        }
    }

    /** sign-flow.bpmn's questions: every signer named, nobody signed yet, no review, a week's deadline. */
    public static final class SignFlows {

        public boolean allFilled(String flowId) {
            return true;
        }

        public boolean allSigned(String flowId) {
            return false;
        }

        public Date deadline(String flowId) {
            return Date.from(Instant.now().plus(Duration.ofDays(7)));
        }

        public boolean isReviewed(String flowId) {
            return false;
        }

        public List<String> openSignReviews(String flowId) {
            return List.of();
        }

        public String reviewSubject(String recipientId) {
            return recipientId;
        }
    }

    /** message-delivery.bpmn's question, never reached: no message is sent. */
    public static final class MessageDeliveries {

        public boolean isCallback(String messageId) {
            return true;
        }
    }
}
