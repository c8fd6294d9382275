package io.signflow.evidence;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.sealing.DownloadLinks;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DescribeFlowEvidenceReport: how a report stands, and once produced a download link valid five
 * minutes. Whoever may see the contracts may read their reports; anyone else is told it does not
 * exist. A report whose job spent its retries is EvidenceStatusFailed while it waits in Cockpit.
 */
@Component
public class DescribeFlowEvidenceReportAction implements ApiAction<DescribeFlowEvidenceReportAction.Request> {

    static final Duration LINK_TTL = Duration.ofMinutes(5);

    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final EvidenceReportStore reports;
    private final EvidenceReportProcesses process;
    private final DownloadLinks links;

    public DescribeFlowEvidenceReportAction(ActingPartyResolver actingParties, FlowAccess access,
                                            EvidenceReportStore reports, EvidenceReportProcesses process,
                                            DownloadLinks links) {
        this.actingParties = actingParties;
        this.access = access;
        this.reports = reports;
        this.process = process;
        this.links = links;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull String reportId, Agent agent, Long reportType) {
    }

    public record Response(String reportUrl, String status) {
    }

    @Override
    public String name() {
        return "DescribeFlowEvidenceReport";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional(readOnly = true)
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        EvidenceStatus.requireSigningReport(request.reportType());
        EvidenceReportStore.Report report = reports.find(request.reportId())
                .filter(r -> access.canSee(acting.organization(), r.ownerOrganizationId()))
                .orElseThrow(() -> new ApiException(ErrorCodes.RESOURCE_NOT_FOUND_GENERIC, "The evidence report "
                        + request.reportId() + " does not exist."));
        if (EvidenceReportStore.SUCCESS.equals(report.status())) {
            return new Response(links.issueForEvidenceReport(report.id(), LINK_TTL), EvidenceStatus.SUCCESS);
        }
        return new Response(null, process.failed(report.id()) ? EvidenceStatus.FAILED : EvidenceStatus.EXECUTING);
    }
}
