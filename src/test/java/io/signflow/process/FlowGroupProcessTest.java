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

    static ProcessInstance signFlow(String flowId) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("sign-flow")
                .processInstanceBusinessKey(flowId).singleResult();
    }
}
