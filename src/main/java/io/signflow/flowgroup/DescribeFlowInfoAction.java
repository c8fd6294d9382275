package io.signflow.flowgroup;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DescribeFlowInfo: contracts in detail with their signers. By FlowIds (up to 100) or, taking
 * precedence, by FlowGroupId with the group's name and outcome. A contract the caller may not see is
 * reported like one that does not exist.
 */
@Component
class DescribeFlowInfoAction implements ApiAction<DescribeFlowInfoAction.Request> {

    private final ActingPartyResolver actingParties;
    private final FlowQueries queries;
    private final FlowGroupRepository groups;
    private final FlowAccess access;
    private final CopiedParties copied;

    public DescribeFlowInfoAction(ActingPartyResolver actingParties, FlowQueries queries, FlowGroupRepository groups,
                                  FlowAccess access, CopiedParties copied) {
        this.actingParties = actingParties;
        this.queries = queries;
        this.groups = groups;
        this.access = access;
        this.copied = copied;
    }

    public record Request(@NotNull @Valid UserInfo operator, List<String> flowIds, Agent agent, String flowGroupId) {
    }

    /**
     * By FlowGroupId the answer also tells how the group stands (beyond ESS, whose SDK ignores fields it
     * does not know): FlowGroupStatus PROCESSING, ALL or INVALID, and how many contracts ended which way.
     */
    public record Response(List<FlowDetailInfo> flowDetailInfos, String flowGroupId, String flowGroupName,
                           String flowGroupStatus, Integer completedCount, Integer rejectedCount,
                           Integer expiredCount, Integer cancelledCount) {

        static Response ofFlows(List<FlowDetailInfo> flows) {
            return new Response(flows, null, null, null, null, null, null, null);
        }

        static Response ofGroup(List<FlowDetailInfo> flows, FlowGroupSummary group, FlowGroupOutcome outcome) {
            return new Response(flows, group.id(), group.name(), outcome.apiStatus(flows.size()), outcome.completed(),
                    outcome.rejected(), outcome.expired(), outcome.cancelled());
        }
    }

    public record FlowDetailInfo(String flowId, String flowName, String flowType, long flowStatus, String flowMessage,
                                 String flowDescription, long createdOn, List<FlowApproverDetail> flowApproverInfos,
                                 List<FlowApproverDetail> ccInfos, String creator) {
    }

    /**
     * A signer as ESS reports them; beyond ESS, {@code SignReviewStatus} tells where the initiator's review
     * of their signature stands: PENDING, REJECTED (the last decision; still waiting) or PASSED, and
     * nothing for a signer who is not reviewed. ApproveStatus stays ESS's (2 when it is their turn).
     */
    public record FlowApproverDetail(String approveMessage, String approveName, long approveStatus, String receiptId,
                                     String customUserId, String mobile, long signOrder, long approveTime,
                                     String approveType, String approverSource, String customApproverTag,
                                     String organizationId, String organizationName, String signId,
                                     String approverRoleName, String recipientId, String signReviewStatus) {
    }

    @Override
    public String name() {
        return "DescribeFlowInfo";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional(readOnly = true)
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        if (request.flowGroupId() != null && !request.flowGroupId().isBlank()) {
            FlowGroupSummary group = access.visibleGroup(acting.organization(), request.flowGroupId())
                    .orElseThrow(() -> new ApiException(ErrorCodes.FAILED_OPERATION,
                            "The contract group " + request.flowGroupId() + " does not exist."));
            return Response.ofGroup(details(queries.flowsOfGroup(group.id())), group, groups.outcome(group.id()));
        }
        List<String> ids = request.flowIds() == null ? List.of() : request.flowIds().stream().distinct().toList();
        if (ids.isEmpty()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "Give FlowIds or FlowGroupId.");
        }
        ids = FlowIdsRule.distinct(ids);
        Map<String, FlowQueries.FlowRow> found = visible(acting, queries.flows(ids)).stream()
                .collect(Collectors.toMap(FlowQueries.FlowRow::id, Function.identity()));
        for (String id : ids) {
            if (!found.containsKey(id)) {
                throw new ApiException(ErrorCodes.FAILED_OPERATION, "The contract " + id + " does not exist.");
            }
        }
        return Response.ofFlows(details(ids.stream().map(found::get).toList()));
    }

    private List<FlowDetailInfo> details(List<FlowQueries.FlowRow> flows) {
        List<String> ids = flows.stream().map(FlowQueries.FlowRow::id).toList();
        Map<String, List<FlowQueries.ApproverRow>> approvers = queries.approvers(ids);
        Map<String, List<CopiedParties.CopiedParty>> copiedParties = copied.ofFlows(ids).stream()
                .collect(Collectors.groupingBy(CopiedParties.CopiedParty::flowId));
        return flows.stream().map(f -> detail(f, approvers.getOrDefault(f.id(), List.of()),
                copiedParties.getOrDefault(f.id(), List.of()))).toList();
    }

    private List<FlowQueries.FlowRow> visible(ActingParty acting, List<FlowQueries.FlowRow> flows) {
        Set<String> owners = access.visibleOwners(acting.organization(),
                flows.stream().map(FlowQueries.FlowRow::organizationId).toList());
        return flows.stream().filter(f -> owners.contains(f.organizationId())).toList();
    }

    private static FlowDetailInfo detail(FlowQueries.FlowRow f, List<FlowQueries.ApproverRow> approvers,
                                         List<CopiedParties.CopiedParty> copiedParties) {
        return new FlowDetailInfo(f.id(), f.name(), f.flowType(), f.status(), f.message(), f.description(),
                f.createdAt().toEpochSecond(), approvers.stream().map(DescribeFlowInfoAction::approver).toList(),
                copiedParties.stream().map(DescribeFlowInfoAction::copiedParty).toList(), f.operatorUserId());
    }

    /**
     * A copied party in ESS's FlowApproverDetail: name, mobile, PERSON or (an employee of the
     * initiator) ORGANIZATION with the initiator's organization, and their own id as RecipientId.
     * They sign nothing, so status, order and time stay 0.
     */
    private static FlowApproverDetail copiedParty(CopiedParties.CopiedParty c) {
        return new FlowApproverDetail(null, c.name(), 0, c.id(), null, c.mobile(), 0, 0,
                c.isEmployee() ? "ORGANIZATION" : "PERSON", null, null, c.isEmployee() ? c.organizationId() : null,
                c.isEmployee() ? c.organizationName() : null, null, null, c.id(), null);
    }

    private static FlowApproverDetail approver(FlowQueries.ApproverRow a) {
        String type = switch (a.approverType()) {
            case 0 -> "ORGANIZATION";
            case 3 -> "ENTERPRISESERVER";
            default -> "PERSON";
        };
        return new FlowApproverDetail(a.message(), a.name(), a.status(), a.recipientId(), null, a.mobile(),
                a.signOrder(), a.actedAt() == null ? 0 : a.actedAt().toEpochSecond(), type, null, a.customTag(),
                a.organizationId(), a.organizationName(), a.signId(), a.roleName(), a.recipientId(), a.signReview());
    }
}
