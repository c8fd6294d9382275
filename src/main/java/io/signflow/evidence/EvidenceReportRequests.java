package io.signflow.evidence;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Ids;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowQueries;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.quota.QuotaService;
import io.signflow.sealing.SealedDocuments;
import io.signflow.tenant.ActingParty;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a request for an evidence report: the contracts must be visible to the caller (like every
 * other action, a stranger's contract does not exist), all signed and sealed; then one CloudProve unit
 * per contract is charged to the acting organization, the report recorded as executing and its process
 * started, all in the request's transaction.
 */
@Service
public class EvidenceReportRequests {

    private final FlowQueries flows;
    private final FlowAccess access;
    private final SealedDocuments sealed;
    private final QuotaService quota;
    private final EvidenceReportStore reports;
    private final EvidenceReportProcesses process;
    private final Clock clock;

    public EvidenceReportRequests(FlowQueries flows, FlowAccess access,
                                  SealedDocuments sealed, QuotaService quota, EvidenceReportStore reports,
                                  EvidenceReportProcesses process, Clock clock) {
        this.flows = flows;
        this.access = access;
        this.sealed = sealed;
        this.quota = quota;
        this.reports = reports;
        this.process = process;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String forFlow(ActingParty acting, String flowId) {
        FlowQueries.FlowRow flow = flows.flows(List.of(flowId)).stream()
                .filter(f -> visible(acting, f.organizationId()))
                .findFirst()
                .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract " + flowId + " does not exist."));
        requireSignedAndSealed(List.of(flow));
        return accept(acting, flow.groupId(), flow.id(), flow.organizationId(), 1);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String forGroup(ActingParty acting, String groupId) {
        FlowGroupSummary group = access.visibleGroup(acting.organization(), groupId)
                .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract group " + groupId
                        + " does not exist."));
        List<FlowQueries.FlowRow> contracts = flows.flowsOfGroup(groupId);
        requireSignedAndSealed(contracts);
        return accept(acting, groupId, null, group.organizationId(), contracts.size());
    }

    private boolean visible(ActingParty acting, String ownerId) {
        return access.canSee(acting.organization(), ownerId);
    }

    /** ESS's rule: evidence only for contracts everyone signed; here also sealed, since the report holds the final PDF's hash. */
    private void requireSignedAndSealed(List<FlowQueries.FlowRow> contracts) {
        List<String> unsigned = contracts.stream().filter(f -> f.status() != FlowStatus.ALL_SIGNED)
                .map(FlowQueries.FlowRow::id).toList();
        if (!unsigned.isEmpty()) {
            throw new ApiException(ErrorCodes.FLOW_STATUS_FORBID, "An evidence report is only for contracts everyone "
                    + "has signed; not yet completed: " + unsigned + ".");
        }
        Set<String> ids = contracts.stream().map(FlowQueries.FlowRow::id).collect(Collectors.toSet());
        if (sealed.find(ids).size() < ids.size()) {
            throw new ApiException(ErrorCodes.FLOW_STATUS_FORBID, "The final PDF is still being sealed (a second or "
                    + "two after the last signature); ask again shortly.");
        }
    }

    private String accept(ActingParty acting, String groupId, String flowId, String ownerId, int contracts) {
        String reportId = Ids.next();
        String operator = acting.operator().id();
        quota.deductEvidenceReport(acting.organization().id(), reportId, contracts, operator);
        reports.insert(new EvidenceReportStore.Report(reportId, groupId, flowId, ownerId, acting.organization().id(),
                operator, EvidenceReportStore.EXECUTING, OffsetDateTime.now(clock)));
        process.start(reportId);
        return reportId;
    }
}
