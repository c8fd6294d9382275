package io.signflow.process;

import io.signflow.evidence.EvidenceReportProducer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** evidence-report: gathers the evidence, lays out and signs the report. Runs as its own job, retried. */
@Component
class ProduceEvidenceReportDelegate implements JavaDelegate {

    private final EvidenceReportProducer producer;

    ProduceEvidenceReportDelegate(EvidenceReportProducer producer) {
        this.producer = producer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        producer.produce((String) execution.getVariable(EvidenceReportProcess.REPORT_ID));
    }
}
