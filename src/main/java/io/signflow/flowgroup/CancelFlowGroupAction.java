package io.signflow.flowgroup;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.audit.AuditTrail;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CancelFlowGroup, Signflow's own action (ESS has none): cancels every contract of a group still open,
 * each through its cancel path and refund rule, in this request. Contracts that have ended stay as they
 * are; a group with none open is OperationDenied.FlowHasTerminated.
 */
@Component
class CancelFlowGroupAction implements ApiAction<CancelFlowGroupAction.Request> {

    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final FlowGroupOperations operations;

    CancelFlowGroupAction(ActingPartyResolver actingParties, FlowAccess access, FlowGroupOperations operations) {
        this.actingParties = actingParties;
        this.access = access;
        this.operations = operations;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull String flowGroupId,
                          @NotNull String cancelMessage, Agent agent) {
    }

    public record Response() {
    }

    @Override
    public String name() {
        return "CancelFlowGroup";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        FlowGroupSummary group = visibleGroup(access, acting, request.flowGroupId());
        operations.requestCancel(group.id(), request.cancelMessage(), AuditTrail.operator(acting.operator().id()),
                caller.clientIp());
        return new Response();
    }

    /** The group when the acting organization may see it, otherwise ResourceNotFound.Flow as for a missing one. */
    static FlowGroupSummary visibleGroup(FlowAccess access, ActingParty acting, String groupId) {
        return access.visibleGroup(acting.organization(), groupId).orElseThrow(() -> new ApiException(
                ErrorCodes.FLOW_NOT_FOUND, "The contract group " + groupId + " does not exist."));
    }
}
