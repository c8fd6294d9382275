package io.signflow.process;

import io.signflow.evidence.EvidenceReportProcesses;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence-report process (business key = ReportId): started in the request's transaction, so a
 * refused or rolled-back request leaves no job behind; its one asynchronous task produces the report.
 */
@Component
class EvidenceReportProcess implements EvidenceReportProcesses {

    static final String PROCESS_KEY = "evidence-report";
    static final String REPORT_ID = "reportId";

    private final RuntimeService runtime;

    EvidenceReportProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(String reportId) {
        runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(reportId).setVariable(REPORT_ID, reportId)
                .execute();
    }

    /**
     * Whether producing the report has spent its retries: the job is then an incident in Cockpit, and
     * the report counts as failed until an operator retries it.
     */
    @Override
    public boolean failed(String reportId) {
        return runtime.createIncidentQuery().processInstanceId(processInstanceId(reportId)).count() > 0;
    }

    private String processInstanceId(String reportId) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(reportId).singleResult();
        // an ended instance has no incident; "" matches nothing
        return instance == null ? "" : instance.getId();
    }
}
