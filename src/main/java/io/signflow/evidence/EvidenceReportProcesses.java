package io.signflow.evidence;

/**
 * The evidence module's view of the report process (bpmn/evidence-report.bpmn), carried out by the
 * engine in the process module: a report is produced by a retried job that operators see in Cockpit.
 */
public interface EvidenceReportProcesses {

    /** Starts producing the report inside the caller's transaction, so a refused request leaves no job. */
    void start(String reportId);

    /** Whether producing the report has spent its retries and waits for an operator as an incident. */
    boolean failed(String reportId);
}
