package io.signflow.evidence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** evidence-report: gathers the evidence, lays out and signs the report. Runs as its own job, retried. */
@Component
public class ProduceEvidenceReportDelegate implements JavaDelegate {

    private final EvidenceReportProducer producer;

    public ProduceEvidenceReportDelegate(EvidenceReportProducer producer) {
        this.producer = producer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        producer.produce((String) execution.getVariable(EvidenceReportProcess.REPORT_ID));
    }
}
