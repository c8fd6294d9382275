package io.signflow.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"bpmn/flow-group.bpmn", "bpmn/sign-flow.bpmn"})
class FlowGroupProcessTest extends ProcessTestSupport {

    private ProcessInstance startGroup(String... flowIds) {
        when(flowGroups.flowIds("g1")).thenReturn(List.of(flowIds));
        when(signFlows.deadline(any())).thenReturn(new Date(System.currentTimeMillis() + 86_400_000L));
        return runtimeService().startProcessInstanceByKey("flow-group", "g1", Map.of("flowGroupId", "g1"));
    }

    @Test
    void createsTheGroupChargesQuotaAndStartsOneSignFlowPerContract() throws Exception {
        when(signFlows.allFilled(any())).thenReturn(true);
        when(signFlows.allSigned(any())).thenReturn(false);

        ProcessInstance group = startGroup("f1", "f2", "f3");

        assertThat(group).isStarted().hasPassedInOrder("Task_CreateGroup", "Task_DeductQuota")
                .isWaitingAt("CallActivity_SignFlows");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createExecutionQuery()
                .processInstanceId(group.getId()).activityId("CallActivity_SignFlows").count()).isEqualTo(3);
        verify(createGroup).execute(any());
        verify(deductQuota).execute(any());
        List<ProcessInstance> flows = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("sign-flow").list();
        org.assertj.core.api.Assertions.assertThat(flows).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("f1", "f2", "f3");
        for (ProcessInstance flow : flows) {
            assertThat(flow).hasPassedInOrder("Task_AutoSign", "Task_NotifySigners")
                    .isWaitingAt("ReceiveTask_AwaitSignature")
                    .variables().containsEntry("flowId", flow.getBusinessKey()).containsEntry("flowGroupId", "g1");
        }
    }

    @Test
    void aContractWithUnnamedSignersWaitsToBeFilledWithoutNotifyingAnyone() throws Exception {
        when(signFlows.allFilled("f1")).thenReturn(false);
        when(signFlows.allFilled("f2")).thenReturn(true);
        when(signFlows.allSigned(any())).thenReturn(false);

        startGroup("f1", "f2");

        ProcessInstance waiting = signFlow("f1");
        assertThat(waiting).hasPassed("Task_AutoSign").isWaitingAt("ReceiveTask_AwaitFill").hasNotPassed("Task_NotifySigners");
        assertThat(signFlow("f2")).isWaitingAt("ReceiveTask_AwaitSignature");
    }

    @Test
    void theGroupEndsOnceEveryContractHasEndedAndTellsItsOutcome() throws Exception {
        when(signFlows.allFilled(any())).thenReturn(true);
        when(signFlows.allSigned(any())).thenReturn(true);

        ProcessInstance group = startGroup("f1", "f2");

        // all signers are auto-signers: both contracts are complete and wait to be sealed
        verify(concludeGroup, never()).execute(any());
        execute(job(signFlow("f1")));
        assertThat(group).isWaitingAt("CallActivity_SignFlows");
        execute(job(signFlow("f2")));
        assertThat(group).hasPassedInOrder("Task_ConcludeGroup", "IntermediateThrowEvent_AnnounceGroupEnded",
                "EndEvent_GroupEnded").isEnded();
        verify(concludeGroup).execute(any());
        verify(announceGroupEnded).execute(any());
    }

    @Test
    void aFailingStepLeavesNoInstanceBehind() throws Exception {
        org.mockito.Mockito.doThrow(new IllegalStateException("no quota")).when(deductQuota).execute(any());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> startGroup("f1", "f2"))
                .hasMessageContaining("no quota");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void theFirstFailureWhileOthersAreOpenAnnouncesPartAndTheGroupGoesOnUnderTheIndependentPolicy() throws Exception {
        when(signFlows.allFilled(any())).thenReturn(true);
        when(signFlows.allSigned(any())).thenReturn(false);
        when(flowGroups.firstFailure("g1", "f1")).thenReturn(true);
        ProcessInstance group = startGroup("f1", "f2");

        runtimeService().createMessageCorrelation("FlowRejected").processInstanceBusinessKey("f1").correlate();

        assertThat(group).hasPassedInOrder("Task_MarkGroupPart", "IntermediateThrowEvent_AnnounceGroupPart",
                "EndEvent_ContractEnded").hasNotPassed("Task_CancelRestOfGroup").isWaitingAt("CallActivity_SignFlows");
        verify(markGroupPart).execute(any());
        verify(announceGroupPart).execute(any());
        verify(cancelRestOfGroup, never()).execute(any());
        assertThat(signFlow("f2")).isWaitingAt("ReceiveTask_AwaitSignature");
    }

    @Test
    void aFailureThatIsNotTheFirstAnnouncesNothing() throws Exception {
        when(signFlows.allFilled(any())).thenReturn(true);
        when(signFlows.allSigned(any())).thenReturn(false);
        ProcessInstance group = startGroup("f1", "f2");

        runtimeService().createMessageCorrelation("FlowCancelled").processInstanceBusinessKey("f2").correlate();

        assertThat(group).hasPassed("EndEvent_ContractEnded").hasNotPassed("Task_MarkGroupPart");
        verify(announceGroupPart, never()).execute(any());
    }

    @Test
    void underAllOrNothingTheFirstFailureCancelsTheRestOfTheGroupInAJobOfItsOwn() throws Exception {
        when(signFlows.allFilled(any())).thenReturn(true);
        when(signFlows.allSigned(any())).thenReturn(false);
        when(flowGroups.firstFailure("g1", "f1")).thenReturn(true);
        when(flowGroups.allOrNothing("g1")).thenReturn(true);
        // the step cancels the other contract the way CancelFlow does: through its sign-flow's cancel path
        org.mockito.Mockito.doAnswer(invocation -> runtimeService().createMessageCorrelation("FlowCancelled")
                .processInstanceBusinessKey("f2").correlateWithResult()).when(cancelRestOfGroup).execute(any());
        ProcessInstance group = startGroup("f1", "f2");

        runtimeService().createMessageCorrelation("FlowRejected").processInstanceBusinessKey("f1").correlate();

        assertThat(group).hasPassed("IntermediateThrowEvent_AnnounceGroupPart").isWaitingAt("Task_CancelRestOfGroup");
        verify(cancelRestOfGroup, never()).execute(any());
        execute(job(group));

        verify(cancelRestOfGroup).execute(any());
        assertThat(group).hasPassedInOrder("Task_CancelRestOfGroup", "EndEvent_RestCancelled", "Task_ConcludeGroup",
                "IntermediateThrowEvent_AnnounceGroupEnded", "EndEvent_GroupEnded").isEnded();
        verify(announceGroupPart).execute(any());
        verify(announceGroupEnded).execute(any());
    }

    @Test
    void cancelFlowGroupRunsTheCancellationSubprocessWithTheRequestsMessageAndTheGroupEnds() throws Exception {
        when(signFlows.allFilled(any())).thenReturn(true);
        when(signFlows.allSigned(any())).thenReturn(false);
        List<Object> seen = new java.util.ArrayList<>();
        org.mockito.Mockito.doAnswer(invocation -> {
            org.camunda.bpm.engine.delegate.DelegateExecution execution = invocation.getArgument(0);
            seen.add(execution.getVariable("cancelMessage"));
            for (String flowId : List.of("f1", "f2")) {
                runtimeService().createMessageCorrelation("FlowCancelled").processInstanceBusinessKey(flowId).correlate();
            }
            return null;
        }).when(cancelGroup).execute(any());
        ProcessInstance group = startGroup("f1", "f2");

        runtimeService().createMessageCorrelation("FlowGroupCancelled").processInstanceBusinessKey("g1")
                .setVariablesLocal(Map.of("cancelMessage", "不再需要", "cancelledBy", "operator u1")).correlate();

        org.assertj.core.api.Assertions.assertThat(seen).containsExactly("不再需要");
        assertThat(group).hasPassed("Task_CancelGroup", "EndEvent_GroupCancelled", "Task_ConcludeGroup",
                "EndEvent_GroupEnded").isEnded();
    }

    @Test
    void modifyFlowGroupDeadlineMovesTheTimersAndTheGroupGoesOn() throws Exception {
        when(signFlows.allFilled(any())).thenReturn(true);
        when(signFlows.allSigned(any())).thenReturn(false);
        ProcessInstance group = startGroup("f1", "f2");

        runtimeService().createMessageCorrelation("FlowGroupDeadlineModified").processInstanceBusinessKey("g1")
                .correlate();

        verify(moveDeadlineTimers).execute(any());
        assertThat(group).hasPassed("Task_MoveDeadlineTimers", "EndEvent_TimersMoved")
                .isWaitingAt("CallActivity_SignFlows");
    }

    static ProcessInstance signFlow(String flowId) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("sign-flow")
                .processInstanceBusinessKey(flowId).singleResult();
    }
}
