package io.signflow.flowgroup;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** DescribeFlowBriefs: the status of up to 100 contracts; ids the caller cannot see are skipped. */
@Component
class DescribeFlowBriefsAction implements ApiAction<DescribeFlowBriefsAction.Request> {

    private final ActingPartyResolver actingParties;
    private final FlowQueries queries;
    private final FlowAccess access;

    public DescribeFlowBriefsAction(ActingPartyResolver actingParties, FlowQueries queries, FlowAccess access) {
        this.actingParties = actingParties;
        this.queries = queries;
        this.access = access;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull List<String> flowIds, Agent agent) {
    }

    public record Response(List<FlowBrief> flowBriefs) {
    }

    public record FlowBrief(String flowId, String flowName, String flowDescription, String flowType, long flowStatus,
                            long createdOn, String flowMessage, String creator, long deadline) {
    }

    @Override
    public String name() {
        return "DescribeFlowBriefs";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional(readOnly = true)
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        List<String> ids = FlowIdsRule.distinct(request.flowIds());
        List<FlowQueries.FlowRow> flows = queries.flows(ids);
        Set<String> owners = access.visibleOwners(acting.organization(),
                flows.stream().map(FlowQueries.FlowRow::organizationId).toList());
        return new Response(flows.stream().filter(f -> owners.contains(f.organizationId()))
                .map(f -> new FlowBrief(f.id(), f.name(), f.description(), f.flowType(), f.status(),
                        f.createdAt().toEpochSecond(), f.message(), f.operatorUserId(), f.deadline().toEpochSecond()))
                .toList());
    }
}
