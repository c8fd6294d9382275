package io.signflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
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
