package io.signflow.signing;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowIdsRule;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.tenant.Organization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whose batch link, to which contracts (CreateBatchQuickSignUrl, CreateOrganizationBatchSignUrl). The
 * contracts are a group (FlowGroupId) or named one by one (FlowIds); either way they are one signer's
 * contracts of one group, because a group is signed as a whole (reference 2.1) and a link is one signer
 * of one group: FlowIds from several groups, or only some of a signer's open contracts of a group, are
 * refused rather than silently widened or split. What the caller may not see does not exist for them.
 */
@Component
class BatchLinkTargets {

    private final FlowAccess access;
    private final FlowGroupRepository groups;
    private final FlowProgress progress;
    private final SignerLookup lookup;

    BatchLinkTargets(FlowAccess access, FlowGroupRepository groups, FlowProgress progress, SignerLookup lookup) {
        this.access = access;
        this.groups = groups;
        this.progress = progress;
        this.lookup = lookup;
    }

    /**
     * What the request names: the group or the contracts, and the signer — by identity ({@code wanted}),
     * by one RecipientId or SignId inside {@code wanted}, or by {@code recipientIds} paired with the FlowIds.
     */
    record Wanted(String flowGroupId, List<String> flowIds, List<String> recipientIds, SignerLookup.Wanted signer,
                  boolean ownEmployee) {
    }

    /** The signer the link is for, one of their approvals, and their group. */
    record Target(String signerId, FlowApprover approver, FlowGroupSummary group) {
    }

    Target resolve(Organization acting, Wanted wanted) {
        boolean byGroup = wanted.flowGroupId() != null && !wanted.flowGroupId().isBlank();
        boolean byFlows = wanted.flowIds() != null && !wanted.flowIds().isEmpty();
        if (byGroup && byFlows) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "Give FlowGroupId or FlowIds, not both.");
        }
        if (!byGroup && !byFlows) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "Give FlowGroupId, or the FlowIds of the contracts.");
        }
        if (byGroup && wanted.recipientIds() != null && !wanted.recipientIds().isEmpty()) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "RecipientIds pair with FlowIds, one each; give FlowIds.");
        }
        return byGroup ? ofGroup(acting, wanted) : ofFlows(acting, wanted);
    }

    private Target ofGroup(Organization acting, Wanted wanted) {
        FlowGroupSummary group = access.visibleGroup(acting, wanted.flowGroupId())
                .or(() -> signedByOwnEmployee(wanted, groups.find(wanted.flowGroupId())
                        .filter(g -> !groups.isSingle(g.id()))))
                .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract group "
                        + wanted.flowGroupId() + " does not exist."));
        List<String> flowIds = groups.flowIds(group.id());
        SignerLookup.Wanted identity = identity(wanted.signer(), flowIds);
        List<FlowApprover> approvals = approvals(flowIds, identity);
        if (approvals.isEmpty()) {
            throw noSigner("the group");
        }
        if (approvals.stream().allMatch(a -> FlowStatus.isTerminal(progress.status(a.flowId())))) {
            throw new ApiException(ErrorCodes.FLOW_HAS_TERMINATED, "Every contract of this signer in the group has "
                    + "ended; there is nothing to sign.");
        }
        return target(approvals.get(0), group);
    }

    private Target ofFlows(Organization acting, Wanted wanted) {
        List<String> flowIds = FlowIdsRule.distinct(wanted.flowIds());
        Set<String> groupIds = new LinkedHashSet<>();
        FlowGroupSummary group = null;
        for (String flowId : flowIds) {
            group = access.visibleGroupOfFlow(acting, flowId)
                    .or(() -> signedByOwnEmployee(wanted, groups.findByFlow(flowId)))
                    .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract " + flowId
                            + " does not exist."));
            groupIds.add(group.id());
        }
        if (groupIds.size() > 1) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "FlowIds belong to " + groupIds.size() + " contract groups; "
                    + "a link opens one signer's contracts of one group, so ask for one link per group.");
        }
        SignerLookup.Wanted identity = wanted.recipientIds() != null && !wanted.recipientIds().isEmpty()
                ? byRecipients(wanted.flowIds(), wanted.recipientIds()) : identity(wanted.signer(), flowIds);
        List<FlowApprover> approvals = new ArrayList<>();
        for (String flowId : flowIds) {
            FlowApprover approval = lookup.match(flowId, identity).orElseThrow(() -> noSigner("the contract " + flowId));
            if (FlowStatus.isTerminal(progress.status(flowId))) {
                throw new ApiException(ErrorCodes.FLOW_HAS_TERMINATED, "The contract " + flowId
                        + " has ended; there is nothing to sign.");
            }
            approvals.add(approval);
        }
        List<String> left = approvals(groups.flowIds(group.id()), identity).stream().map(FlowApprover::flowId)
                .filter(flowId -> !flowIds.contains(flowId) && !FlowStatus.isTerminal(progress.status(flowId))).toList();
        if (!left.isEmpty()) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "A contract group is signed as a whole: this signer also "
                    + "signs " + left + " of the group; name them too, or give FlowGroupId.");
        }
        return target(approvals.get(0), group);
    }

    /**
     * A signing organization asks for its own employee's link (CreateOrganizationBatchSignUrl, as in ESS,
     * where each party calls for its own signers): it reaches a group it did not send only where that
     * employee signs, and any other group stays one that does not exist.
     */
    private Optional<FlowGroupSummary> signedByOwnEmployee(Wanted wanted, Optional<FlowGroupSummary> group) {
        if (!wanted.ownEmployee()) {
            return Optional.empty();
        }
        return group.filter(g -> !approvals(groups.flowIds(g.id()), wanted.signer()).isEmpty());
    }

    /** The identity to look for: as given, or that of the approver a RecipientId or SignId names. */
    private SignerLookup.Wanted identity(SignerLookup.Wanted wanted, List<String> flowIds) {
        if (wanted.recipientId() == null && wanted.signId() == null) {
            return wanted;
        }
        return flowIds.stream().map(flowId -> lookup.match(flowId, wanted)).flatMap(Optional::stream).findFirst()
                .map(BatchLinkTargets::identityOf)
                .orElseThrow(() -> noSigner("the contracts named"));
    }

    /** One RecipientId per contract, all of one signer. */
    private SignerLookup.Wanted byRecipients(List<String> flowIds, List<String> recipientIds) {
        if (recipientIds.size() != flowIds.size()) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "RecipientIds must name one signer per FlowIds entry, "
                    + "in the same order.");
        }
        SignerLookup.Wanted identity = null;
        for (int i = 0; i < flowIds.size(); i++) {
            String flowId = flowIds.get(i);
            SignerLookup.Wanted byId = new SignerLookup.Wanted(null, null, null, null, recipientIds.get(i), null);
            FlowApprover approver = lookup.match(flowId, byId).orElseThrow(() -> noSigner("the contract " + flowId + " (RecipientId " + byId.recipientId() + ")"));
            SignerLookup.Wanted own = identityOf(approver);
            if (identity != null && !identity.equals(own)) {
                throw new ApiException(ErrorCodes.PARAM_ERROR, "RecipientIds name different signers; a link is one "
                        + "person's.");
            }
            identity = own;
        }
        return identity;
    }

    private List<FlowApprover> approvals(List<String> flowIds, SignerLookup.Wanted identity) {
        return flowIds.stream().map(flowId -> lookup.match(flowId, identity)).flatMap(Optional::stream).toList();
    }

    private Target target(FlowApprover approver, FlowGroupSummary group) {
        return new Target(lookup.signerOf(approver), approver, group);
    }

    private static SignerLookup.Wanted identityOf(FlowApprover a) {
        return new SignerLookup.Wanted(a.type().isEnterprise() ? 0L : 1L,
                a.type().isEnterprise() ? Objects.requireNonNull(a.organizationName()) : null, a.name(), a.mobile(),
                null, null);
    }

    private static ApiException noSigner(String where) {
        return new ApiException(ErrorCodes.RESOURCE_NOT_FOUND_GENERIC, "No signer of " + where + " matches; name the "
                + "signer as the contract does (type, name, mobile and organization), or by RecipientId.");
    }
}
