package io.signflow.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Every path of sign-flow, the steps it passes and where it waits. */
@Deployment(resources = "bpmn/sign-flow.bpmn")
class SignFlowProcessTest extends ProcessTestSupport {

    @BeforeEach
    void aDeadlineAWeekAway() {
        when(signFlows.deadline(any())).thenReturn(new Date(System.currentTimeMillis() + 7 * 86_400_000L));
        when(signFlows.allFilled(any())).thenReturn(true);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("sign-flow", "f1", Map.of("flowId", "f1", "flowGroupId", "g1"));
    }

    private static void correlate(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("f1").correlate();
    }

    @Test
    void autoSignersOnlyCompleteAtOnceAndTheSealingIsAJobThatRetries() throws Exception {
        when(signFlows.allSigned("f1")).thenReturn(true);

        ProcessInstance flow = start();

        assertThat(flow).hasPassedInOrder("IntermediateThrowEvent_AnnounceStarted", "Task_AutoSign",
                        "IntermediateThrowEvent_AnnounceAutoSigned", "EndEvent_AllSigned", "Task_CompleteFlow",
                        "IntermediateThrowEvent_AnnounceCompleted")
                .hasNotPassed("Task_NotifySigners").isWaitingAt("Task_SealDocument");
        assertThat(job()).hasRetries(5); // the model's retry cycle, R5/PT1M
        execute(job());
        assertThat(flow).hasPassed("Task_SealDocument", "EndEvent_Completed").isEnded();
        verify(sealDocument).execute(any());
    }

    @Test
    void signaturesAreAwaitedOneByOneUntilAllHaveSigned() throws Exception {
        when(signFlows.allSigned("f1")).thenReturn(false, false, true);

        ProcessInstance flow = start();
        assertThat(flow).isWaitingAt("ReceiveTask_AwaitSignature");
        correlate("ApproverSigned");
        assertThat(flow).isWaitingAt("ReceiveTask_AwaitSignature");
        correlate("ApproverSigned");

        assertThat(flow).hasPassed("Task_CompleteFlow").isWaitingAt("Task_SealDocument");
        // each round opens the next turns: the first signer, then the next one
        verify(notifySigners, times(2)).execute(any());
        verify(completeFlow).execute(any());
    }

    @Test
    void eachSignatureIsAnnouncedBeforeTheContractLooksAgainAndTheCompletionAfterItIsComplete() throws Exception {
        when(signFlows.allSigned("f1")).thenReturn(false, true);
        ProcessInstance flow = start();
        verify(announceStarted).execute(any());
        verify(announceAutoSigned).execute(any());
        verify(announceSigned, never()).execute(any());

        runtimeService().createMessageCorrelation("ApproverSigned").processInstanceBusinessKey("f1")
                .setVariable(ProcessVariables.ACTOR, "r1").correlate();

        assertThat(flow).hasPassedInOrder("ReceiveTask_AwaitSignature", "IntermediateThrowEvent_AnnounceSigned",
                "Gateway_AllSigned", "Task_CompleteFlow", "IntermediateThrowEvent_AnnounceCompleted")
                .isWaitingAt("Task_SealDocument");
        InOrder order = inOrder(announceSigned, completeFlow, announceCompleted);
        order.verify(announceSigned).execute(argThat(e -> "r1".equals(e.getVariable(ProcessVariables.ACTOR))));
        order.verify(completeFlow).execute(any());
        order.verify(announceCompleted).execute(any());
        verify(announceRejected, never()).execute(any());
    }

    @Test
    void aContractWaitsForItsDynamicSignersWithTheDeadlineArmed() throws Exception {
        when(signFlows.allFilled("f1")).thenReturn(false, false, true);
        when(signFlows.allSigned("f1")).thenReturn(false);

        ProcessInstance flow = start();
        assertThat(flow).hasPassed("Task_AutoSign").isWaitingAt("ReceiveTask_AwaitFill");
        org.assertj.core.api.Assertions.assertThat(jobQuery().timers().count()).isEqualTo(1);
        correlate("ApproversFilled");
        assertThat(flow).isWaitingAt("ReceiveTask_AwaitFill");
        correlate("ApproversFilled");

        assertThat(flow).isWaitingAt("ReceiveTask_AwaitSignature");
        verify(notifySigners).execute(any());
    }

    @Test
    void aRejectionEndsTheContractFromWhereverItWaits() throws Exception {
        when(signFlows.allSigned("f1")).thenReturn(false);
        ProcessInstance flow = start();

        correlate("FlowRejected");

        assertThat(flow).hasPassedInOrder("BoundaryEvent_Rejected", "Task_RejectFlow",
                "IntermediateThrowEvent_AnnounceRejected", "EndEvent_Rejected").isEnded();
        verify(completeFlow, never()).execute(any());
        verify(refundQuota, never()).execute(any());
    }

    @Test
    void theDeadlineTimerEndsTheContractAsExpired() throws Exception {
        when(signFlows.allSigned("f1")).thenReturn(false);
        ProcessInstance flow = start();

        execute(jobQuery().timers().singleResult());

        assertThat(flow).hasPassedInOrder("BoundaryEvent_Deadline", "Task_ExpireFlow",
                "IntermediateThrowEvent_AnnounceExpired", "EndEvent_Expired").isEnded();
        verify(expireFlow).execute(any());
        verify(refundQuota, never()).execute(any());
    }

    @Test
    void aCancellationDecidesTheRefundOnTheContractAsItWasThenEndsIt() throws Exception {
        when(signFlows.allFilled("f1")).thenReturn(false);
        ProcessInstance flow = start();

        correlate("FlowCancelled");

        assertThat(flow).hasPassedInOrder("BoundaryEvent_Cancelled", "Task_RefundQuota", "Task_CancelFlow",
                "IntermediateThrowEvent_AnnounceCancelled", "EndEvent_Cancelled").isEnded();
        verify(announceCancelled).execute(any());
        org.assertj.core.api.Assertions.assertThat(jobQuery().timers().count()).isZero();
    }
}
