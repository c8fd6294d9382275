package io.signflow.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The models are the map of what a contract announces: an operator who takes the announce step for
 * signatures out of sign-flow (as in the Modeler: the step deleted, the flows joined) and deploys it
 * gets no more "sign" callbacks for new contracts, while every other callback still arrives.
 */
class CallbacksFollowTheModelIT extends ApiTestBase {

    private static final Path SHIPPED = Path.of("bpmn", "sign-flow.bpmn");

    @Autowired
    RepositoryService repository;

    /** The model as shipped, deployed again as the latest version for the tests that follow. */
    @AfterEach
    void backToTheShippedModel() {
        deploy(Bpmn.readModelFromFile(SHIPPED.toFile()));
    }

    @Test
    void removingTheAnnounceStepOfSignaturesRemovesTheirCallbacksAndNothingElse() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            Tenant tenant = tenants().create(null, 100, 1);
            AdminClient.Reply keys = configure(tenant, receiver);

            for (String asShipped : signedGroup(tenant)) {
                assertThat(operations(receiver, keys, asShipped)).containsExactlyInAnyOrder("start:1", "sign:4", "finish:4");
            }

            deploy(withoutStep("IntermediateThrowEvent_AnnounceSigned"));
            for (String changed : signedGroup(tenant)) {
                assertThat(operations(receiver, keys, changed)).containsExactlyInAnyOrder("start:1", "finish:4");
            }
        }
    }

    /** A group of two contracts that their one signer signs at once; returns the contracts' ids. */
    private List<String> signedGroup(Tenant tenant) {
        String mobile = Tenants.mobile();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("签署人", mobile))));
        SignerClient.invited(admin(), mobile).signNow();
        List<String> flowIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        return flowIds;
    }

    /** The organization's callback address, with its key and token in the reply. */
    private AdminClient.Reply configure(Tenant tenant, CallbackReceiver receiver) {
        AdminClient.Reply reply = admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                Map.of("url", receiver.url()), true);
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    /**
     * The contract's callbacks as {@code operate:status}, once its start and its finish have arrived: a
     * signature is announced in the finish's transaction, before it, so it cannot come later.
     */
    private static List<String> operations(CallbackReceiver receiver, AdminClient.Reply keys, String flowId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> opened(receiver, keys).stream()
                        .filter(m -> m.at("/MsgData/FlowId").asText().equals(flowId))
                        .map(m -> m.at("/MsgData/Operate").asText() + ":" + m.at("/MsgData/FlowCallbackStatus").asInt())
                        .toList(),
                operations -> operations.contains("start:1") && operations.contains("finish:4"));
    }

    private static List<JsonNode> opened(CallbackReceiver receiver, AdminClient.Reply keys) throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        for (CallbackReceiver.Received received : receiver.received()) {
            messages.add(received.open(keys.body().get("key").asText(), keys.body().get("token").asText()));
        }
        return messages;
    }

    /** sign-flow as shipped, with one step deleted and the flow into it led to the step after it. */
    private static BpmnModelInstance withoutStep(String stepId) {
        BpmnModelInstance model = Bpmn.readModelFromFile(SHIPPED.toFile());
        FlowNode step = model.getModelElementById(stepId);
        SequenceFlow in = step.getIncoming().iterator().next();
        SequenceFlow out = step.getOutgoing().iterator().next();
        FlowNode next = out.getTarget();
        next.getIncoming().remove(out);
        next.getIncoming().add(in);
        in.setTarget(next);
        for (String id : List.of(stepId + "_di", out.getId() + "_di", stepId, out.getId())) {
            ModelElementInstance element = model.getModelElementById(id);
            element.getParentElement().removeChildElement(element);
        }
        Bpmn.validateModel(model);
        return model;
    }

    private void deploy(BpmnModelInstance model) {
        repository.createDeployment().name("sign-flow as changed by a test").addModelInstance("sign-flow.bpmn", model)
                .deploy();
    }
}
