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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowApprovers with FillApproverType 1: names the dynamic signers of one contract (FlowId) or
 * of a group (FlowGroupId, each item naming its FlowId). Each item stands on its own: one that cannot
 * be filled comes back in FillError (its message starting with the code that applies) while the
 * others are filled; when none can be, the request is refused with the first item's code. A contract
 * whose last dynamic signer is named starts signing; filled signers get no message (ESS sends none),
 * their links come from CreateFlowSignUrl.
 */
@Component
class CreateFlowApproversAction implements ApiAction<CreateFlowApproversAction.Request> {

    static final long DYNAMIC = 1;
    /** Every signer of the largest group: 50 contracts of 50 signers. */
    static final int MAX_APPROVERS = FlowGroupValidator.MAX_FLOWS * FlowGroupValidator.MAX_APPROVERS;

    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final FlowProgress progress;
    private final DynamicSignerFilling filling;
    private final FlowProcesses processes;

    public CreateFlowApproversAction(ActingPartyResolver actingParties, FlowAccess access,
                                     FlowProgress progress, DynamicSignerFilling filling, FlowProcesses processes) {
        this.actingParties = actingParties;
        this.access = access;
        this.progress = progress;
        this.filling = filling;
        this.processes = processes;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull List<@NotNull @Valid FillApproverInfo> approvers,
                          String flowId, Long fillApproverType, String initiator, Agent agent, String flowGroupId) {
    }

    public record FillApproverInfo(@NotNull String recipientId, String approverSource, String customUserId,
                                   String approverName, String approverMobile, String organizationName,
                                   String approverIdCardType, String approverIdCardNumber, String flowId) {
    }

    public record Response(List<FillError> fillError) {
    }

    public record FillError(String recipientId, String errMessage, String flowId) {
    }

    @Override
    public String name() {
        return "CreateFlowApprovers";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        // an absent FillApproverType names dynamic signers, the only kind of filling offered (docs/decisions.md)
        if (request.fillApproverType() != null && request.fillApproverType() != DYNAMIC) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, "FillApproverType " + request.fillApproverType()
                    + ": or-signing is not offered; name dynamic signers with FillApproverType 1.");
        }
        if (request.approvers().isEmpty()) {
            throw new ApiException(ErrorCodes.MISSING_FLOW_APPROVER, "Approvers: name at least one signer.");
        }
        if (request.approvers().size() > MAX_APPROVERS) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "Approvers may hold at most " + MAX_APPROVERS
                    + " signers, every signer of the largest group.");
        }
        String groupId = request.flowGroupId() == null || request.flowGroupId().isBlank() ? null : request.flowGroupId();
        if (groupId != null) {
            access.visibleGroup(acting.organization(), groupId).orElseThrow(() -> notFound(groupId));
        }
        List<String> itemFlows = new ArrayList<>();
        for (int i = 0; i < request.approvers().size(); i++) {
            itemFlows.add(flowOf(request, i));
        }
        // which contracts the caller may see is settled before any is locked: a stranger's ids are
        // neither locked nor waited for
        Map<String, FlowGroupSummary> visible = new HashMap<>();
        for (String flowId : new LinkedHashSet<>(itemFlows)) {
            access.visibleGroupOfFlow(acting.organization(), flowId).ifPresent(group -> visible.put(flowId, group));
        }
        progress.lock(visible.keySet());
        List<FillError> errors = new ArrayList<>();
        ApiException first = null;
        Set<String> filled = new LinkedHashSet<>();
        for (int i = 0; i < request.approvers().size(); i++) {
            FillApproverInfo item = request.approvers().get(i);
            String flowId = itemFlows.get(i);
            try {
                filled.add(fill("Approvers[" + i + "]", acting, caller.clientIp(), groupId, flowId, visible.get(flowId), item));
            } catch (ApiException refused) {
                first = first == null ? refused : first;
                errors.add(new FillError(item.recipientId(), refused.code() + ": " + refused.getMessage(), flowId));
            }
        }
        if (filled.isEmpty()) {
            throw first;
        }
        for (String flowId : filled) {
            if (progress.allFilled(flowId)) {
                progress.startSigning(flowId);
            }
            processes.approversFilled(flowId);
        }
        return new Response(errors);
    }

    /** Fills one item of a contract in {@code group} (null when the caller may not see it); returns the contract's id. */
    private String fill(String at, ActingParty acting, String clientIp, String requestedGroupId, String flowId,
                        FlowGroupSummary group, FillApproverInfo item) {
        if (!(item.approverSource() == null || item.approverSource().isBlank())) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, at + ".ApproverSource: WeCom signers are not offered.");
        }
        if (group == null) {
            throw notFound(flowId);
        }
        if (requestedGroupId != null && !requestedGroupId.equals(group.id())) {
            throw new ApiException(ErrorCodes.FLOW_NOT_FOUND, at + ": the contract " + flowId
                    + " is not in the group " + requestedGroupId + ".");
        }
        filling.fill(at, group.id(), flowId, new DynamicSignerFilling.Filler(item.recipientId(), item.organizationName(),
                item.approverName(), item.approverMobile(), item.approverIdCardType(), item.approverIdCardNumber()),
                acting.operator().id(), clientIp);
        return flowId;
    }

    private static ApiException notFound(String id) {
        return new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract or group " + id + " does not exist.");
    }

    private static String flowOf(Request request, int index) {
        FillApproverInfo item = request.approvers().get(index);
        String flowId = item.flowId() != null && !item.flowId().isBlank() ? item.flowId() : request.flowId();
        if (flowId == null || flowId.isBlank()) {
            throw new ApiException(ErrorCodes.MISSING_FLOW_ID, "Approvers[" + index + "].FlowId is required (or FlowId "
                    + "for a single contract).");
        }
        return flowId;
    }
}
