package io.signflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

class AuditStepsHistoryTest {

    /** Every kind of routing step the level leaves out, between steps it keeps, in and out of a subprocess. */
    private static final BpmnModelInstance MODEL = Bpmn.createExecutableProcess("p")
            .startEvent("start")
            .exclusiveGateway("choose").condition("go", "${go}")
            .subProcess("scope").embeddedSubProcess()
                .startEvent("scopeStart")
                .parallelGateway("fork")
                .serviceTask("left").camundaExpression("${true}")
                .parallelGateway("join")
                .moveToNode("fork").serviceTask("right").camundaExpression("${true}")
                .connectTo("join")
                .receiveTask("wait").message("Go")
                .endEvent("scopeEnd")
            .subProcessDone()
            .endEvent("end")
            .moveToNode("choose").condition("stay", "${!go}").endEvent("other")
            .done();

    /** Two instances of a user task in parallel, as the group's contracts are. */
    private static final BpmnModelInstance EACH = Bpmn.createExecutableProcess("each")
            .startEvent()
            .userTask("task").multiInstance().cardinality("2").multiInstanceDone()
            .endEvent()
            .done();

    /** Two user tasks between a parallel fork and its join, where the first to finish waits for the other. */
    private static final BpmnModelInstance BOTH = Bpmn.createExecutableProcess("both")
            .startEvent()
            .parallelGateway("fork")
            .userTask("first")
            .parallelGateway("join")
            .endEvent()
            .moveToNode("fork").userTask("second")
            .connectTo("join")
            .done();

    @Test
    void routingStepsLeaveNoActivityRowAndEverythingElseIsKept() {
        ProcessEngine engine = engine("audit-steps-history", AuditStepsHistory.NAME);
        try {
            ProcessInstance instance = start(engine);

            assertThat(activities(engine, instance)).containsExactlyInAnyOrder("scope", "left", "right", "wait");
            engine.getRuntimeService().correlateMessage("Go");
            assertThat(activities(engine, instance))
                    .containsExactlyInAnyOrder("scope", "left", "right", "wait", "scopeEnd", "end");
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().finished().count()).isEqualTo(6);
            // the rest of audit: the instance and its variables
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("go").count())
                    .isEqualTo(1);
        } finally {
            engine.close();
        }
    }

    @Test
    void aMultiInstancesCountersLeaveNoVariableRows() {
        ProcessEngine engine = engine("audit-steps-counters", AuditStepsHistory.NAME);
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("each.bpmn", EACH).deploy();
            // "go" stands for the variables Signflow sets, which are kept
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("each", Map.of("go", true));

            assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName("loopCounter").count())
                    .isEqualTo(2);
            completeTasks(engine);

            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(instance.getId()).singleResult().getEndTime()).isNotNull();
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().list())
                    .extracting(HistoricVariableInstance::getName).containsExactly("go");
        } finally {
            engine.close();
        }
    }

    @Test
    void instancesStartedAtAuditStepsEndAfterASwitchBackToAudit() {
        String database = "steps-then-audit";
        ProcessEngine steps = engine(database, AuditStepsHistory.NAME);
        steps.getRepositoryService().createDeployment().addModelInstance("each.bpmn", EACH)
                .addModelInstance("both.bpmn", BOTH).deploy();
        ProcessInstance each = steps.getRuntimeService().startProcessInstanceByKey("each");
        ProcessInstance both = steps.getRuntimeService().startProcessInstanceByKey("both");
        String first = steps.getTaskService().createTaskQuery().taskDefinitionKey("first").singleResult().getId();
        steps.getTaskService().complete(first); // waits at the join, which wrote no row
        steps.close();

        ProcessEngine audit = engine(database, "audit");
        try {
            // completions change counters, and end a join, whose history rows were never written
            completeTasks(audit);

            assertThat(audit.getHistoryService().createHistoricProcessInstanceQuery().finished()
                    .processInstanceIds(Set.of(each.getId(), both.getId())).count()).isEqualTo(2);
            assertThat(audit.getHistoryService().createHistoricVariableInstanceQuery()
                    .variableName("nrOfCompletedInstances").singleResult().getValue()).isEqualTo(2);
        } finally {
            audit.close();
        }
    }

    @Test
    void camundasAuditStaysAvailableAndRecordsTheRoutingSteps() {
        ProcessEngine engine = engine("audit-history", "audit");
        try {
            ProcessInstance instance = start(engine);

            assertThat(activities(engine, instance)).contains("start", "choose", "scopeStart", "fork", "join");
        } finally {
            engine.close();
        }
    }

    @Test
    void aDatabaseStartedAtAuditStartsAtAuditStepsAndBack() {
        String database = "audit-then-steps";
        engine(database, "audit").close();

        ProcessEngine steps = engine(database, AuditStepsHistory.NAME);
        assertThat(steps.getManagementService().getHistoryLevel()).isEqualTo(2);
        steps.close();

        engine(database, "audit").close();
    }

    private static ProcessInstance start(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", MODEL).deploy();
        return engine.getRuntimeService().startProcessInstanceByKey("p", Map.of("go", true));
    }

    private static void completeTasks(ProcessEngine engine) {
        engine.getTaskService().createTaskQuery().list().forEach(task -> engine.getTaskService().complete(task.getId()));
    }

    private static List<String> activities(ProcessEngine engine, ProcessInstance instance) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    private static ProcessEngine engine(String database, String historyLevel) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(database + "-" + historyLevel);
        configuration.setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(historyLevel);
        configuration.setProcessEnginePlugins(List.of(new AuditStepsHistory()));
        return configuration.buildProcessEngine();
    }
}
