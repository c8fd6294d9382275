package io.signflow.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/examples/bpmn/onboarding.bpmn calling flow-group: it waits for the group, continues with its
 * outcome, and catches a refused request as the BPMN error with the API's code.
 */
@Deployment(resources = {"bpmn/flow-group.bpmn", "bpmn/sign-flow.bpmn"})
class OnboardingProcessTest extends ProcessTestSupport {

    private static final Map<String, Object> REQUEST = Map.of("flowGroupRequest", "{\"FlowGroupName\":\"入职合同\"}",
            "organizationId", "o1", "operatorUserId", "u1");

    @BeforeEach
    void deployOnboarding() throws Exception {
        try (InputStream model = Files.newInputStream(Path.of("docs/examples/bpmn/onboarding.bpmn"))) {
            repositoryService().createDeployment().addInputStream("onboarding.bpmn", model).deploy();
        }
        when(flowGroups.flowIds("g1")).thenReturn(List.of("f1", "f2"));
        when(signFlows.deadline(any())).thenReturn(new Date(System.currentTimeMillis() + 86_400_000L));
        when(signFlows.allFilled(any())).thenReturn(true);
        when(signFlows.allSigned(any())).thenReturn(true);
    }

    /** What the real first step does for an engine-started group: the group gets its id. */
    private void createGroupNamesTheGroup() throws Exception {
        doAnswer(invocation -> {
            DelegateExecution execution = invocation.getArgument(0);
            org.assertj.core.api.Assertions.assertThat(execution.getVariables()).containsAllEntriesOf(REQUEST);
            execution.setProcessBusinessKey("g1");
            execution.setVariable("flowGroupId", "g1");
            return null;
        }).when(createGroup).execute(any());
    }

    private void groupEnds(String status) throws Exception {
        doAnswer(invocation -> {
            ((DelegateExecution) invocation.getArgument(0)).setVariable("flowGroupStatus", status);
            return null;
        }).when(concludeGroup).execute(any());
    }

    @Test
    void waitsForTheGroupAndGoesOnToOnboardedWhenEveryContractWasSigned() throws Exception {
        createGroupNamesTheGroup();
        groupEnds("ALL");

        ProcessInstance onboarding = runtimeService().startProcessInstanceByKey("onboarding", REQUEST);

        assertThat(onboarding).isWaitingAt("CallActivity_SendContracts");
        execute(job(FlowGroupProcessTest.signFlow("f1")));
        execute(job(FlowGroupProcessTest.signFlow("f2")));
        assertThat(onboarding).hasPassed("EndEvent_Onboarded").isEnded();
        org.assertj.core.api.Assertions.assertThat(variable(onboarding, "flowGroupId")).isEqualTo("g1");
        org.assertj.core.api.Assertions.assertThat(variable(onboarding, "flowGroupStatus")).isEqualTo("ALL");
    }

    @Test
    void aGroupThatEndedOtherwiseLeadsToContractsNotSigned() throws Exception {
        createGroupNamesTheGroup();
        groupEnds("INVALID");

        ProcessInstance onboarding = runtimeService().startProcessInstanceByKey("onboarding", REQUEST);
        execute(job(FlowGroupProcessTest.signFlow("f1")));
        execute(job(FlowGroupProcessTest.signFlow("f2")));

        assertThat(onboarding).hasPassed("EndEvent_NotOnboarded").hasNotPassed("EndEvent_Onboarded").isEnded();
    }

    @Test
    void aRefusedRequestIsCaughtWithTheApisCode() throws Exception {
        doThrow(new BpmnError("OperationDenied.NoQuota", "Creating 2 contracts needs 2 units of contract quota; 0 "
                + "are available.")).when(createGroup).execute(any());

        ProcessInstance onboarding = runtimeService().startProcessInstanceByKey("onboarding", REQUEST);

        assertThat(onboarding).hasPassed("BoundaryEvent_Refused", "EndEvent_Refused").isEnded();
        org.assertj.core.api.Assertions.assertThat(variable(onboarding, "refusalCode"))
                .isEqualTo("OperationDenied.NoQuota");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    private static Object variable(ProcessInstance instance, String name) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
                .singleResult().getValue();
    }
}
