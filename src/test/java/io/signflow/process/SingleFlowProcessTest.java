package io.signflow.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.CcMoment;
import io.signflow.flowgroup.FlowGroupDraft;
import io.signflow.flowgroup.FlowGroupService;
import io.signflow.quota.QuotaService;
import io.signflow.signing.SignerRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** A contract of its own (CreateFlowByFiles): sign-flow runs by itself, with no flow-group around it. */
@Deployment(resources = {"bpmn/sign-flow.bpmn", "bpmn/flow-group.bpmn"})
class SingleFlowProcessTest extends ProcessTestSupport {

    private final FlowGroupService groups = mock(FlowGroupService.class);
    private final SignerRegistry signers = mock(SignerRegistry.class);
    private final QuotaService quota = mock(QuotaService.class);
    private final FlowGroupDraft draft = new FlowGroupDraft("g1", "租赁合同", "o1", "o1", "u1", "203.0.113.9",
            "VerifyCheck", "sms", "sms", List.of(new FlowGroupDraft.Flow("f1", "租赁合同", null, null, "file1",
            Instant.now().plusSeconds(86_400), false, null, null, 0, List.of(), List.of(), false, List.of(),
            CcMoment.STARTED)), Instant.now());

    @BeforeEach
    void aContractToSign() {
        when(signFlows.deadline(any())).thenReturn(new Date(System.currentTimeMillis() + 86_400_000L));
        when(signFlows.allFilled(any())).thenReturn(true);
    }

    private ProcessInstance start() {
        new SingleFlowProcess(groups, signers, quota, runtimeService()).start(draft);
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("f1").singleResult();
    }

    @Test
    void recordsChargesOneUnitThenRunsSignFlowWithoutAGroup() throws Exception {
        when(signFlows.allSigned("f1")).thenReturn(false, true);
        when(signers.registerNamed(draft)).thenReturn(Map.of("r1", "s1"));

        ProcessInstance flow = start();

        InOrder order = inOrder(groups, signers, quota);
        order.verify(groups).createSingle(draft);
        order.verify(signers).registerNamed(draft);
        order.verify(groups).createContracts(draft, Map.of("r1", "s1"));
        order.verify(quota).deduct("o1", List.of("f1"), "u1");
        assertThat(flow).isWaitingAt("ReceiveTask_AwaitSignature").variables()
                .containsEntry("flowId", "f1").containsEntry("flowGroupId", "g1");
        org.assertj.core.api.Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(flow.getId()).singleResult().getSuperProcessInstanceId()).isNull();
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("flow-group").count()).isZero();

        runtimeService().createMessageCorrelation("ApproverSigned").processInstanceBusinessKey("f1")
                .setVariable(ProcessVariables.ACTOR, "r1").correlate();
        assertThat(flow).hasPassedInOrder("IntermediateThrowEvent_AnnounceSigned", "Task_CompleteFlow",
                "IntermediateThrowEvent_AnnounceCompleted").isWaitingAt("Task_SealDocument");
        execute(job());

        assertThat(flow).hasPassed("EndEvent_Completed").isEnded();
        verify(createGroup, never()).execute(any());
        verify(deductQuota, never()).execute(any());
        verify(concludeGroup, never()).execute(any());
        verify(announceGroupEnded, never()).execute(any());
    }

    @Test
    void aCancellationRefundsAndEndsItWithNoGroupToConclude() throws Exception {
        when(signFlows.allSigned("f1")).thenReturn(false);
        ProcessInstance flow = start();

        runtimeService().createMessageCorrelation("FlowCancelled").processInstanceBusinessKey("f1").correlate();

        assertThat(flow).hasPassedInOrder("BoundaryEvent_Cancelled", "Task_RefundQuota", "Task_CancelFlow",
                "IntermediateThrowEvent_AnnounceCancelled", "EndEvent_Cancelled").isEnded();
        verify(refundQuota).execute(any());
        verify(announceGroupEnded, never()).execute(any());
    }

    @Test
    void noQuotaStartsNothing() {
        doThrow(new ApiException(ErrorCodes.NO_QUOTA, "no units left")).when(quota).deduct("o1", List.of("f1"), "u1");

        assertThatThrownBy(() -> new SingleFlowProcess(groups, signers, quota, runtimeService()).start(draft))
                .isInstanceOf(ApiException.class);

        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }
}
