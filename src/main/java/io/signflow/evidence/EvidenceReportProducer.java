package io.signflow.evidence;

import io.signflow.audit.AuditTrail;
import org.apache.commons.codec.digest.DigestUtils;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowQueries;
import io.signflow.sealing.PadesSigner;
import io.signflow.sealing.PdfSignatureVerifier;
import io.signflow.sealing.PlatformIdentityStore;
import io.signflow.sealing.SealedDocuments;
import io.signflow.sealing.SealingProperties;
import io.signflow.sealing.SealingSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces an evidence report: reads every contract's evidence through the other modules' services,
 * lays it out, and has the platform sign it with the same PAdES signer as final PDFs. Producing a
 * report twice (a retried job) keeps the first.
 */
@Service
public class EvidenceReportProducer {

    private final EvidenceReportStore reports;
    private final FlowGroupRepository groups;
    private final FlowQueries flows;
    private final SealingSources sources;
    private final SealedDocuments sealed;
    private final PdfSignatureVerifier verifier;
    private final AuditTrail audit;
    private final PadesSigner signer;
    private final PlatformIdentityStore identities;
    private final SealingProperties properties;
    private final Clock clock;

    public EvidenceReportProducer(EvidenceReportStore reports, FlowGroupRepository groups, FlowQueries flows,
                                  SealingSources sources, SealedDocuments sealed, PdfSignatureVerifier verifier,
                                  AuditTrail audit, PadesSigner signer, PlatformIdentityStore identities,
                                  SealingProperties properties, Clock clock) {
        this.reports = reports;
        this.groups = groups;
        this.flows = flows;
        this.sources = sources;
        this.sealed = sealed;
        this.verifier = verifier;
        this.audit = audit;
        this.signer = signer;
        this.identities = identities;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void produce(String reportId) {
        EvidenceReportStore.Report report = reports.find(reportId).orElseThrow(
                () -> new IllegalStateException("No evidence report " + reportId));
        if (!EvidenceReportStore.EXECUTING.equals(report.status())) {
            return;
        }
        try {
            EvidenceReportText.Report text = gather(report);
            EvidenceReportLayout.Laid laid = EvidenceReportLayout.lay(EvidenceReportText.lines(text),
                    "Evidence report " + reportId);
            OffsetDateTime now = OffsetDateTime.now(clock);
            byte[] signed = signer.sign(laid.pdf(), identities.identity(), new PadesSigner.Details(
                    properties.platformName(), "Evidence report " + reportId, null,
                    GregorianCalendar.from(now.atZoneSameInstant(properties.timeZone()))));
            reports.complete(reportId, signed, DigestUtils.sha256Hex(signed), laid.pages(), now);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot produce the evidence report " + reportId, e);
        }
    }

    private EvidenceReportText.Report gather(EvidenceReportStore.Report report) throws IOException {
        List<String> flowIds = report.flowId() != null ? List.of(report.flowId()) : groups.flowIds(report.groupId());
        Map<String, FlowQueries.FlowRow> rows = flows.flows(flowIds).stream()
                .collect(Collectors.toMap(FlowQueries.FlowRow::id, Function.identity()));
        Map<String, SealedDocuments.Sealed> seals = sealed.find(flowIds).stream()
                .collect(Collectors.toMap(SealedDocuments.Sealed::flowId, Function.identity()));
        List<EvidenceReportText.Contract> contracts = new ArrayList<>();
        for (String flowId : flowIds) {
            byte[] pdf = sealed.content(flowId).orElseThrow(
                    () -> new IllegalStateException("The contract " + flowId + " has no final PDF"));
            contracts.add(new EvidenceReportText.Contract(sources.contract(flowId), rows.get(flowId).operatorUserId(),
                    seals.get(flowId).sha256(), seals.get(flowId).sealedAt(), sources.signatures(flowId).values(),
                    audit.ofFlow(flowId), verifier.verify(pdf)));
        }
        String groupName = contracts.get(0).contract().groupName();
        return new EvidenceReportText.Report(report.id(), report.groupId(), groupName, report.createdAt(),
                "operator " + report.operatorUserId(), properties.platformName(), signer.timestamping(),
                properties.timeZone(), contracts);
    }
}
