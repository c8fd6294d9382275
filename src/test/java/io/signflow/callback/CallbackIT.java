package io.signflow.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.outbox.OutboxProperties;
import io.signflow.outbox.OutboxRepository;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.CallbackRetries;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Callbacks as an integrator's receiver sees them: V2 bodies, AES-256-CBC encrypted with the
 * organization's key and signed with its token, for every step of a contract and for the group;
 * retried until the receiver answers 200 — whether it answers 500, resets connections or trickles its
 * answer — on the modelled retry cycle, which outlasts a receiver that is down for an hour; and a
 * receiver that hangs holds up neither signers' texts, nor other organizations' callbacks, nor sealing.
 */
class CallbackIT extends ApiTestBase {

    private static final Logger log = LoggerFactory.getLogger(CallbackIT.class);

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    OutboxProperties outboxSettings;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    private record Configured(String key, String token) {
    }

    private Configured configure(Tenant tenant, CallbackReceiver receiver) {
        AdminClient.Reply reply = admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                Map.of("url", receiver.url()), true);
        assertThat(reply.status()).isEqualTo(200);
        return new Configured(reply.body().get("key").asText(), reply.body().get("token").asText());
    }

    private static List<JsonNode> openAll(CallbackReceiver receiver, Configured configured) throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        for (CallbackReceiver.Received received : receiver.received()) {
            messages.add(received.open(configured.key(), configured.token()));
        }
        return messages;
    }

    private static List<String> operations(List<JsonNode> messages, String flowId) {
        return messages.stream().filter(m -> m.at("/MsgData/FlowId").asText().equals(flowId))
                .map(m -> m.at("/MsgData/Operate").asText() + ":" + m.at("/MsgData/FlowCallbackStatus").asInt())
                .toList();
    }

    @Test
    void everyStepOfAnAutoSignedGroupArrivesEncryptedAndSigned() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            Tenant tenant = tenants().create();
            Configured configured = configure(tenant, receiver);
            JsonNode created = tenant.api().ok("CreateFlowGroupByFiles",
                    Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant))));
            String groupId = created.get("FlowGroupId").asText();

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 7);
            List<JsonNode> messages = openAll(receiver, configured);
            for (JsonNode flowId : created.get("FlowIds")) {
                // start and sign are written by the creating request and arrive in that order; finish is
                // written by sealing, and callbacks of different transactions may arrive in either order
                // (docs/callbacks.md)
                List<String> operations = operations(messages, flowId.asText());
                assertThat(operations).containsExactlyInAnyOrder("start:1", "sign:4", "finish:4");
                assertThat(operations.indexOf("start:1")).isLessThan(operations.indexOf("sign:4"));
            }
            JsonNode finish = messages.stream().filter(m -> m.at("/MsgData/Operate").asText().equals("finish"))
                    .findFirst().orElseThrow();
            assertThat(finish.get("MsgType").asText()).isEqualTo("FlowStatusChange");
            assertThat(finish.get("MsgVersion").asText()).isEqualTo("CustomApp");
            assertThat(finish.get("MsgId").asText()).hasSize(32);
            assertThat(finish.at("/MsgData/FlowGroupMessage/FlowGroupId").asText()).isEqualTo(groupId);
            assertThat(finish.at("/MsgData/Approvers/0/ApproveCallbackShowStatus").asText()).isEqualTo("ACCEPT");
            assertThat(finish.at("/MsgData/FlowCallbackShowStatus").asText()).isEqualTo("ALL");
            Path artifacts = Files.createDirectories(Path.of("target", "test-artifacts"));
            Files.writeString(artifacts.resolve("callback-finish.json"), finish.toPrettyString());

            JsonNode group = messages.stream().filter(m -> m.get("MsgType").asText().equals("FlowGroupStatusChange"))
                    .findFirst().orElseThrow();
            assertThat(group.at("/MsgData/FlowGroupId").asText()).isEqualTo(groupId);
            assertThat(group.at("/MsgData/Status").asText()).isEqualTo("ALL");
            assertThat(group.at("/MsgData/CompletedCount").asInt()).isEqualTo(2);
        }
    }

    @Test
    void theStartShowsWhoseTurnItIsAsPendingAndAContractWaitingForItsSignersAsInit() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            Tenant tenant = tenants().create();
            Configured configured = configure(tenant, receiver);
            ObjectNode request = Requests.group(tenant, 3, List.of(Requests.person("甲一", Tenants.mobile()),
                    Requests.person("乙二", Tenants.mobile())));
            ((ObjectNode) request.at("/FlowGroupInfos/1")).put("Unordered", false);
            ObjectNode unnamed = Requests.person("占位", "13800000000");
            unnamed.remove(List.of("ApproverName", "ApproverMobile"));
            unnamed.put("ApproverRoleName", "乙方");
            unnamed.putObject("ApproverOption").put("FillType", 1);
            ((com.fasterxml.jackson.databind.node.ArrayNode) request.at("/FlowGroupInfos/2/Approvers")).add(unnamed);
            JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", request);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 3);
            List<JsonNode> messages = openAll(receiver, configured);
            JsonNode unordered = start(messages, created.at("/FlowIds/0").asText());
            JsonNode ordered = start(messages, created.at("/FlowIds/1").asText());
            JsonNode awaitingFill = start(messages, created.at("/FlowIds/2").asText());

            assertThat(unordered.get("FlowCallbackStatus").asInt()).isEqualTo(1);
            assertThat(unordered.get("FlowCallbackShowStatus").asText()).isEqualTo("INIT");
            assertThat(approverStatuses(unordered)).containsExactly("2 PENDING", "2 PENDING");
            assertThat(approverStatuses(ordered)).containsExactly("2 PENDING", "1 ");
            // ESS's "to fill": 8, INIT; nobody's turn has come while a signer is unnamed
            assertThat(awaitingFill.get("FlowCallbackStatus").asInt()).isEqualTo(8);
            assertThat(awaitingFill.get("FlowCallbackShowStatus").asText()).isEqualTo("INIT");
            assertThat(approverStatuses(awaitingFill)).containsExactly("1 ", "1 ", "0 ");

            // every field of the reference's MsgData, with what Signflow has for it
            assertThat(unordered.has("UserFlowType")).isTrue();
            JsonNode approver = unordered.at("/Approvers/0");
            assertThat(approver.fieldNames()).toIterable().contains("UserId", "RecipientId", "ApproverType",
                    "OrganizationId", "OrganizationName", "Required", "ApproverName", "ApproverMobile",
                    "ApproverIdCardType", "ApproverIdCardTypeDesc", "ApproverIdCardNumber", "ApproveCallbackStatus",
                    "ApproveCallbackShowStatus", "ApproveMessage", "ApproveTime", "ApproverDeadline", "ApproverSource",
                    "CustomApproverTag", "CustomUserId", "CaSign", "VerifyChannel");
            assertThat(approver.get("ApproverDeadline").asLong()).isEqualTo(unordered.get("DeadLine").asLong())
                    .isPositive();
        }
    }

    private static JsonNode start(List<JsonNode> messages, String flowId) {
        return messages.stream().filter(m -> m.at("/MsgData/FlowId").asText().equals(flowId)
                && m.at("/MsgData/Operate").asText().equals("start")).findFirst().orElseThrow().get("MsgData");
    }

    private static List<String> approverStatuses(JsonNode data) {
        List<String> statuses = new ArrayList<>();
        data.get("Approvers").forEach(a -> statuses.add(a.get("ApproveCallbackStatus").asInt() + " "
                + a.get("ApproveCallbackShowStatus").asText()));
        return statuses;
    }

    @Test
    void cancellingAndRejectingAreAnnouncedWithTheActor() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            Tenant tenant = tenants().create();
            Configured configured = configure(tenant, receiver);
            String mobile = Tenants.mobile();
            JsonNode created = tenant.api().ok("CreateFlowGroupByFiles",
                    Requests.group(tenant, 2, List.of(Requests.person("丙", mobile))));
            String first = created.at("/FlowIds/0").asText();
            String second = created.at("/FlowIds/1").asText();
            String recipient = created.at("/Approvers/1/Approvers/0/RecipientId").asText();
            assertThat(tenant.api().code("CancelFlow", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                    "FlowId", first, "CancelMessage", "不再需要"))).isEqualTo("OK");
            var signer = io.signflow.support.SignerClient.invited(admin(), mobile);
            assertThat(signer.reject(signer.code(), "条款有误").status()).isEqualTo(200);

            // two starts, the cancellation, the rejection; the group's PART (the cancellation, while the
            // other contract was open) and its end
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 6);
            List<JsonNode> messages = openAll(receiver, configured);
            assertThat(operations(messages, first)).containsExactlyInAnyOrder("start:1", "cancel:6");
            assertThat(operations(messages, second)).containsExactlyInAnyOrder("start:1", "reject:3");
            JsonNode reject = messages.stream().filter(m -> m.at("/MsgData/Operate").asText().equals("reject"))
                    .findFirst().orElseThrow();
            assertThat(reject.at("/MsgData/RecipientId").asText()).isEqualTo(recipient);
            assertThat(reject.at("/MsgData/Approvers/0/ApproveMessage").asText()).isEqualTo("条款有误");
            assertThat(messages.stream().filter(m -> m.get("MsgType").asText().equals("FlowGroupStatusChange"))
                    .map(m -> m.at("/MsgData/Status").asText()).toList()).containsExactlyInAnyOrder("PART", "INVALID");
        }
    }

    @Test
    void aReceiverThatFailsIsRetriedUntilItAnswers200() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (CallbackReceiver receiver = new CallbackReceiver(() -> calls.incrementAndGet() <= 2 ? 500 : 200)) {
            Tenant tenant = tenants().create();
            Configured configured = configure(tenant, receiver);
            JsonNode created = tenant.api().ok("CreateFlowGroupByFiles",
                    Requests.group(tenant, 2, List.of(Requests.person("丁", Tenants.mobile()))));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 2);
            assertThat(receiver.attempts()).isGreaterThanOrEqualTo(4);
            List<JsonNode> messages = openAll(receiver, configured);
            for (JsonNode flowId : created.get("FlowIds")) {
                assertThat(operations(messages, flowId.asText())).containsExactly("start:1");
            }
        }
    }

    @Test
    void aReceiverThatResetsConnectionsIsRetriedUntilItAnswers200() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (CallbackReceiver receiver = CallbackReceiver.answering(() -> calls.incrementAndGet() <= 2
                ? CallbackReceiver.Answer.RESET : CallbackReceiver.Answer.status(200))) {
            Tenant tenant = tenants().create();
            Configured configured = configure(tenant, receiver);
            JsonNode created = tenant.api().ok("CreateFlowGroupByFiles",
                    Requests.group(tenant, 2, List.of(Requests.person("庚", Tenants.mobile()))));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 2);
            assertThat(receiver.attempts()).isGreaterThanOrEqualTo(4);
            List<JsonNode> messages = openAll(receiver, configured);
            for (JsonNode flowId : created.get("FlowIds")) {
                assertThat(operations(messages, flowId.asText())).containsExactly("start:1");
            }
            // recorded as sent within the relay's interval (100 ms), which clears the attempts' errors
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.sql(
                    "select count(*) from outbox_message where flow_id = ? and last_error like ?")
                    .params(created.at("/FlowIds/0").asText(), "%reached%").query(Long.class).single()).isZero());
        }
    }

    @Test
    void aReceiverThatTricklesItsAnswerIsCutOffAtTheAttemptTimeout() {
        try (CallbackReceiver receiver = CallbackReceiver.answering(() -> CallbackReceiver.Answer.TRICKLE)) {
            Tenant tenant = tenants().create();
            configure(tenant, receiver);
            long started = System.nanoTime();
            String flowId = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                    List.of(Requests.person("辛", Tenants.mobile())))).at("/FlowIds/0").asText();

            // headers came at once, the body never ends: the attempt fails at the timeout (10 s)
            String error = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select last_error from outbox_message where flow_id = ? and attempts > 0").param(flowId)
                    .query(String.class).optional().orElse(null), java.util.Objects::nonNull);
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertThat(error).contains("did not answer completely within 10 s");
            assertThat(seconds).isBetween(9L, 16L);
            // the abandoned exchanges were closed: only the attempts under way hold a connection
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.openConnections() <= 2);
        }
    }

    @Test
    void aReceiverAnswering500ForOverAnHourGetsTheCallbackFromTheModelledRetriesOnceItRecovers() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        try (CallbackReceiver receiver = new CallbackReceiver(() -> down.get() ? 500 : 200)) {
            Tenant tenant = tenants().create();
            Configured configured = configure(tenant, receiver);
            Retry retry = firstProcessAttempt(tenant);
            List<Duration> cycle = configuredCycle();
            assertThat(cycle).as("backing off").isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(cycle.get(cycle.size() - 1)).isGreaterThan(cycle.get(0));

            // every retry while the receiver is down is scheduled as modelled, until it has been down an hour
            Duration waited = cycle.get(0);
            for (int attempt = 1; waited.compareTo(Duration.ofHours(1)) <= 0; attempt++) {
                retry.failsAndWaits(cycle.get(attempt));
                waited = waited.plus(cycle.get(attempt));
            }
            down.set(false);
            management.executeJob(retry.jobId());   // the retry that is due next

            assertThat(runtime.createProcessInstanceQuery().processInstanceId(retry.instanceId()).count()).isZero();
            assertThat(runtime.createIncidentQuery().processInstanceId(retry.instanceId()).count()).isZero();
            assertThat(jdbc.sql("select status from outbox_message where id = ?").param(retry.messageId())
                    .query(String.class).single()).isEqualTo("SENT");
            assertThat(openAll(receiver, configured)).extracting(m -> m.get("MsgId").asText()).contains(retry.messageId());
        }
    }

    @Test
    void aReceiverThatStaysDownEndsAsAnIncidentAfterTheModelledRetriesWhichARetryDeliversOnceItIsBack()
            throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        try (CallbackReceiver receiver = new CallbackReceiver(() -> down.get() ? 500 : 200)) {
            Tenant tenant = tenants().create();
            Configured configured = configure(tenant, receiver);
            Retry retry = firstProcessAttempt(tenant);
            List<Duration> cycle = configuredCycle();
            assertThat(cycle.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThan(Duration.ofHours(12));

            for (int attempt = 1; attempt < cycle.size(); attempt++) {
                retry.failsAndWaits(cycle.get(attempt));
                assertThat(runtime.createIncidentQuery().processInstanceId(retry.instanceId()).count()).isZero();
            }
            // the last retry fails too: an incident
            assertThatThrownBy(() -> management.executeJob(retry.jobId())).hasMessageContaining("HTTP 500");
            Incident incident = runtime.createIncidentQuery().processInstanceId(retry.instanceId()).singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo("Task_DeliverCallback");
            assertThat(incident.getIncidentMessage()).contains("HTTP 500");

            // the receiver is back; the operator retries the job as Cockpit's "retry" does
            down.set(false);
            management.setJobRetries(retry.jobId(), 1);
            management.executeJob(retry.jobId());
            assertThat(runtime.createIncidentQuery().processInstanceId(retry.instanceId()).count()).isZero();
            assertThat(jdbc.sql("select status from outbox_message where id = ?").param(retry.messageId())
                    .query(String.class).single()).isEqualTo("SENT");
            assertThat(openAll(receiver, configured)).extracting(m -> m.get("MsgId").asText()).contains(retry.messageId());
        }
    }

    /** A callback in the message-delivery process, its job and the outbox message it delivers. */
    private record Retry(ManagementService management, String messageId, String instanceId, String jobId) {

        /** Runs the due retry with the receiver still failing: the job is due again after {@code wait}. */
        void failsAndWaits(Duration wait) {
            int retriesBefore = management.createJobQuery().jobId(jobId).singleResult().getRetries();
            long before = System.currentTimeMillis();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("HTTP 500");
            long after = System.currentTimeMillis();
            Job job = management.createJobQuery().jobId(jobId).singleResult();
            assertThat(job.getDuedate().getTime()).as("due after " + wait)
                    .isBetween(before + wait.toMillis() - 1000, after + wait.toMillis() + 1000);
            assertThat(job.getRetries()).isEqualTo(retriesBefore - 1);
        }
    }

    /**
     * Creates a contract whose start callback fails: after the relay's attempts it is in the
     * message-delivery process, whose first attempt (by the job executor) failed and scheduled the first
     * retry after the cycle's first interval.
     */
    private Retry firstProcessAttempt(Tenant tenant) {
        long created = System.currentTimeMillis();
        String flowId = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("己", Tenants.mobile())))).at("/FlowIds/0").asText();
        String messageId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select id from outbox_message where flow_id = ? and status = 'RETRYING'").param(flowId)
                .query(String.class).optional().orElse(null), java.util.Objects::nonNull);
        String instance = await().atMost(Duration.ofSeconds(10)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("message-delivery").processInstanceBusinessKey(messageId).singleResult(),
                java.util.Objects::nonNull).getId();
        Job job = await().atMost(Duration.ofSeconds(10)).until(() -> management.createJobQuery()
                .processInstanceId(instance).singleResult(), j -> j != null && j.getExceptionMessage() != null);
        assertThat(job.getPriority()).as("below sealing and deadlines").isNegative();
        long first = configuredCycle().get(0).toMillis();
        assertThat(job.getDuedate().getTime()).isBetween(created + first - 1000, System.currentTimeMillis() + first);
        return new Retry(management, messageId, instance, job.getId());
    }

    /** The retry intervals message-delivery.bpmn gives Task_DeliverCallback, as deployed. */
    private List<Duration> configuredCycle() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("message-delivery")
                .latestVersion().singleResult().getId();
        ServiceTask task = repository.getBpmnModelInstance(definition).getModelElementById("Task_DeliverCallback");
        String cycle = task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult().getTextContent();
        return Arrays.stream(cycle.split(",")).map(String::trim).map(Duration::parse).toList();
    }

    @Test
    void aHangingReceiverHoldsUpNeitherOtherOrganizationsCallbacksNorSealing() throws Exception {
        try (CallbackReceiver hanging = CallbackReceiver.answering(() -> CallbackReceiver.Answer.HANG);
             CallbackReceiver healthy = new CallbackReceiver(() -> 200)) {
            Tenant stuck = tenants().create();
            configure(stuck, hanging);
            Tenant other = tenants().create();
            configure(other, healthy);
            // callbacks to the hanging receiver: more than the relay has threads for, and more retries
            // in the message-delivery process than the job executor has threads
            for (int i = 0; i < 10; i++) {
                stuck.api().ok("CreateFlowGroupByFiles", Requests.group(stuck, 2, List.of(Requests.autoSigner(stuck))));
            }
            List<String> retries = new CallbackRetries(transaction, outbox, runtime).start(stuck.organizationId(),
                    hanging.url(), 30);
            await().atMost(Duration.ofSeconds(10)).until(() -> hanging.openConnections() >= 2);

            long started = System.nanoTime();
            List<String> flowIds = new ArrayList<>();
            other.api().ok("CreateFlowGroupByFiles", Requests.group(other, 2, List.of(Requests.autoSigner(other))))
                    .get("FlowIds").forEach(id -> flowIds.add(id.asText()));
            // start, sign and finish of both contracts, then the group's end once both are sealed
            await().atMost(Duration.ofSeconds(5)).until(() -> healthy.received().size() >= 6);
            long callbacksMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            // sealing takes about a second; behind the callback jobs it would wait for their 10 s timeouts
            await().atMost(Duration.ofSeconds(8)).until(() -> jdbc.sql(
                    "select count(*) from sealed_document where flow_id in (?, ?)").params(flowIds.get(0), flowIds.get(1))
                    .query(Long.class).single() == 2);
            long sealedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            await().atMost(Duration.ofSeconds(5)).until(() -> healthy.received().size() >= 7);
            log.info("while a receiver hangs: another organization's callbacks after {} ms, its contracts sealed after "
                    + "{} ms; connections held by the hanging receiver: {}", callbacksMillis, sealedMillis,
                    hanging.openConnections());
            // the hanging receiver never holds more than its share of this node's deliveries
            assertThat(hanging.openConnections()).isLessThanOrEqualTo(outboxSettings.inFlightPerReceiver());
            // a retry's job may be running right now; deleting its instance then fails and is tried again
            await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(OptimisticLockingException.class)
                    .until(() -> {
                        runtime.deleteProcessInstancesIfExists(retries, "test over", true, true, true);
                        return true;
                    });
        }
    }

    @Test
    void callbackAddressesAreCheckedWhenSet() {
        Tenant tenant = tenants().create();
        for (String bad : List.of("ftp://example.com/cb", "file:///etc/passwd", "http://user:pw@example.com/cb",
                "not a url")) {
            assertThat(admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                    Map.of("url", bad), true).status()).as(bad).isEqualTo(400);
        }
        assertThat(admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                Map.of("url", "https://example.com/cb", "key", "short"), true).status()).isEqualTo(400);
        // a token of 128 characters fits its encrypted column; non-ASCII ones would not, and are refused up front
        assertThat(admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                Map.of("url", "https://example.com/cb", "token", "令".repeat(128)), true).status()).isEqualTo(400);
        assertThat(admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                Map.of("url", "https://example.com/cb", "token", "t".repeat(128)), true).status()).isEqualTo(200);
        assertThat(admin().send("PUT", "/admin/organizations/nosuchorganization000000000000/callback",
                Map.of("url", "https://example.com/cb"), true).status()).isEqualTo(404);
        assertThat(admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                Map.of("url", "https://example.com/cb"), false).status()).isEqualTo(401);
    }
}
