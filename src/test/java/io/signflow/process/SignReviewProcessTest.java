package io.signflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.mockito.invocation.InvocationOnMock;

/** sign-flow's signing reviews: a user task per reviewed signer, beside the signing loop. */
@Deployment(resources = "bpmn/sign-flow.bpmn")
class SignReviewProcessTest extends ProcessTestSupport {

    @BeforeEach
    void aContractWithReviewedSigners() {
        when(signFlows.deadline(any())).thenReturn(new Date(System.currentTimeMillis() + 7 * 86_400_000L));
        when(signFlows.allFilled(any())).thenReturn(true);
        when(signFlows.allSigned("f1")).thenReturn(false);
        when(signFlows.isReviewed("f1")).thenReturn(true);
        when(signFlows.openSignReviews("f1")).thenReturn(List.of("r1", "r2"));
        when(signFlows.reviewSubject("r1")).thenReturn("示例企业 张三 · 合同一");
        when(signFlows.reviewSubject("r2")).thenReturn("李四 · 合同一");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("sign-flow", "f1", Map.of("flowId", "f1", "flowGroupId", "g1"));
    }

    private static Task reviewOf(String recipientId) {
        return taskQuery().taskDefinitionKey("UserTask_SignReview").list().stream()
                .filter(t -> recipientId.equals(taskService().getVariable(t.getId(), ProcessVariables.REVIEW_RECIPIENT)))
                .findFirst().orElseThrow();
    }

    private static Object seen(InvocationOnMock call, String variable) {
        return ((DelegateExecution) call.getArgument(0)).getVariable(variable);
    }

    @Test
    void eachReviewedSignerHasATaskWhileTheContractWaitsForSignatures() throws Exception {
        ProcessInstance flow = start();

        BpmnAwareTests.assertThat(flow).hasPassedInOrder("Gateway_SignReviewFork", "Task_OpenSignReviews")
                .isWaitingAt("UserTask_SignReview", "ReceiveTask_AwaitSignature");
        assertThat(taskQuery().taskDefinitionKey("UserTask_SignReview").list()).extracting(Task::getName)
                .containsExactlyInAnyOrder("Review 示例企业 张三 · 合同一", "Review 李四 · 合同一");
        assertThat(taskService().getIdentityLinksForTask(reviewOf("r1").getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("signflow-reviewers"));
        verify(openSignReviews).execute(any());
        verify(notifySigners).execute(any());
    }

    @Test
    void aPassIsRecordedThenAnnouncedAndEndsThatSignersReviewOnly() throws Exception {
        ProcessInstance flow = start();

        List<String> recorded = new ArrayList<>();
        doAnswer(call -> recorded.add(seen(call, ProcessVariables.REVIEW_RECIPIENT) + ":"
                + seen(call, ProcessVariables.REVIEW_DECISION))).when(recordSignReview).execute(any());

        complete(reviewOf("r1"), withVariables(ProcessVariables.REVIEW_DECISION, "PASS"));

        assertThat(recorded).containsExactly("r1:PASS");
        InOrder order = inOrder(recordSignReview, announceSignReview);
        order.verify(recordSignReview).execute(any());
        order.verify(announceSignReview).execute(any());
        BpmnAwareTests.assertThat(flow).hasPassed("EndEvent_SignReviewPassed")
                .isWaitingAt("UserTask_SignReview", "ReceiveTask_AwaitSignature");
        assertThat(taskQuery().taskDefinitionKey("UserTask_SignReview").count()).isEqualTo(1);
        // the other review's decision is its own: the first one's did not reach it
        assertThat(taskService().getVariable(reviewOf("r2").getId(), ProcessVariables.REVIEW_DECISION)).isNull();
    }

    @Test
    void aRejectKeepsTheReviewOpenForTheNextDecision() throws Exception {
        start();
        List<Object> announced = new ArrayList<>();
        doAnswer(call -> announced.add(seen(call, ProcessVariables.REVIEW_MESSAGE))).when(announceSignReview)
                .execute(any());

        complete(reviewOf("r1"), withVariables(ProcessVariables.REVIEW_DECISION, "REJECT",
                ProcessVariables.REVIEW_MESSAGE, "价格写错了"));

        verify(recordSignReview).execute(any());
        assertThat(announced).containsExactly("价格写错了");
        assertThat(taskQuery().taskDefinitionKey("UserTask_SignReview").count()).isEqualTo(2);
        complete(reviewOf("r1"), withVariables(ProcessVariables.REVIEW_DECISION, "PASS"));
        verify(recordSignReview, times(2)).execute(any());
        assertThat(taskQuery().taskDefinitionKey("UserTask_SignReview").count()).isEqualTo(1);
    }

    @Test
    void aSignRejectEndsTheContractThroughTheRejectPath() throws Exception {
        ProcessInstance flow = start();

        complete(reviewOf("r2"), withVariables(ProcessVariables.REVIEW_DECISION, "SIGN_REJECT",
                ProcessVariables.REVIEW_MESSAGE, "不予签署"));

        BpmnAwareTests.assertThat(flow).hasPassedInOrder("Task_RecordSignReview", "IntermediateThrowEvent_AnnounceSignReview",
                        "EndEvent_SignReviewSignRejected", "BoundaryEvent_SignRejectedInReview", "Task_RejectFlow",
                        "IntermediateThrowEvent_AnnounceRejected", "EndEvent_Rejected")
                .isEnded();
        assertThat(taskQuery().count()).as("the other review ends with the contract").isZero();
        verify(completeFlow, never()).execute(any());
    }

    @Test
    void theContractCompletesOnlyOnceEveryReviewPassedAndEveryoneSigned() {
        ProcessInstance flow = start();
        complete(reviewOf("r1"), withVariables(ProcessVariables.REVIEW_DECISION, "PASS"));
        complete(reviewOf("r2"), withVariables(ProcessVariables.REVIEW_DECISION, "PASS"));
        BpmnAwareTests.assertThat(flow).hasPassed("EndEvent_SignReviewsDone").isWaitingAt("ReceiveTask_AwaitSignature");

        when(signFlows.allSigned("f1")).thenReturn(true);
        runtimeService().createMessageCorrelation("ApproverSigned").processInstanceBusinessKey("f1").correlate();

        BpmnAwareTests.assertThat(flow).hasPassed("EndEvent_AllSigned", "Task_CompleteFlow").isWaitingAt("Task_SealDocument");
    }

    @Test
    void aContractWithoutReviewsGoesStraightToSigning() throws Exception {
        when(signFlows.isReviewed("f1")).thenReturn(false);

        ProcessInstance flow = start();

        BpmnAwareTests.assertThat(flow).hasPassed("Gateway_AnySignReview").hasNotPassed("Gateway_SignReviewFork")
                .isWaitingAt("ReceiveTask_AwaitSignature");
        verify(openSignReviews, never()).execute(any());
        assertThat(taskQuery().count()).isZero();
    }

    /** NeedSignReview names the initiator's enterprise signers: a contract may ask for it and have none. */
    @Test
    void aReviewedContractWithNobodyToReviewHasNoReviewTask() {
        when(signFlows.openSignReviews("f1")).thenReturn(List.of());

        ProcessInstance flow = start();

        BpmnAwareTests.assertThat(flow).hasPassed("EndEvent_SignReviewsDone").isWaitingAt("ReceiveTask_AwaitSignature");
        assertThat(taskQuery().count()).isZero();
    }
}
