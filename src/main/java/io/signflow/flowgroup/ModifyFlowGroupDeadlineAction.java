package io.signflow.flowgroup;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
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
 * ModifyFlowGroupDeadline, Signflow's own action (ESS has ModifyFlowDeadline for one contract only):
 * gives every open contract of a group a later deadline, Unix seconds, and moves their deadline timers.
 */
@Component
class ModifyFlowGroupDeadlineAction implements ApiAction<ModifyFlowGroupDeadlineAction.Request> {

    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final FlowGroupOperations operations;

    ModifyFlowGroupDeadlineAction(ActingPartyResolver actingParties, FlowAccess access,
                                  FlowGroupOperations operations) {
        this.actingParties = actingParties;
        this.access = access;
        this.operations = operations;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull String flowGroupId, @NotNull Long deadline,
                          Agent agent) {
    }

    public record Response() {
    }

    @Override
    public String name() {
        return "ModifyFlowGroupDeadline";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        FlowGroupSummary group = CancelFlowGroupAction.visibleGroup(access, acting, request.flowGroupId());
        operations.requestDeadline(group.id(), request.deadline(), AuditTrail.operator(acting.operator().id()),
                caller.clientIp());
        return new Response();
    }
}
