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
 * CreateFlowGroupEvidenceReport, Signflow's own action (ESS has none): one evidence report covering
 * every contract of a group, once all of them are signed. Charged one CloudProve unit per contract, as
 * that many one-contract reports would be; read back with DescribeFlowEvidenceReport.
 */
@Component
public class CreateFlowGroupEvidenceReportAction implements ApiAction<CreateFlowGroupEvidenceReportAction.Request> {

    private final ActingPartyResolver actingParties;
    private final EvidenceReportRequests requests;

    public CreateFlowGroupEvidenceReportAction(ActingPartyResolver actingParties, EvidenceReportRequests requests) {
        this.actingParties = actingParties;
        this.requests = requests;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull String flowGroupId, Agent agent) {
    }

    @Override
    public boolean creates() {
        return true;
    }

    @Override
    public String name() {
        return "CreateFlowGroupEvidenceReport";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        var acting = actingParties.resolve(caller, request.operator(), request.agent());
        // the same answer as CreateFlowEvidenceReport's, so a client reads both alike
        return new CreateFlowEvidenceReportAction.Response(requests.forGroup(acting, request.flowGroupId()), EvidenceStatus.EXECUTING);
    }
}
