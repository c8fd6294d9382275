package io.signflow.evidence;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowEvidenceReport: asks for the evidence report (出证报告) of one contract everyone signed.
 * Answers at once with the ReportId and EvidenceStatusExecuting; the report is produced by the
 * evidence-report process and read back with DescribeFlowEvidenceReport. Each request is a new report
 * and a new charge of one CloudProve unit (docs/decisions.md).
 */
@Component
public class CreateFlowEvidenceReportAction implements ApiAction<CreateFlowEvidenceReportAction.Request> {

    private final ActingPartyResolver actingParties;
    private final EvidenceReportRequests requests;

    public CreateFlowEvidenceReportAction(ActingPartyResolver actingParties, EvidenceReportRequests requests) {
        this.actingParties = actingParties;
        this.requests = requests;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull String flowId, Agent agent, Long reportType) {
    }

    /** ReportUrl is deprecated in ESS's answer and left out: DescribeFlowEvidenceReport gives the link. */
    public record Response(String reportId, String status) {
    }

    @Override
    public boolean creates() {
        return true;
    }

    @Override
    public String name() {
        return "CreateFlowEvidenceReport";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        var acting = actingParties.resolve(caller, request.operator(), request.agent());
        EvidenceStatus.requireSigningReport(request.reportType());
        return new Response(requests.forFlow(acting, request.flowId()), EvidenceStatus.EXECUTING);
    }
}
