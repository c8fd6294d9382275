package io.signflow.flowgroup;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.audit.AuditTrail;
import io.signflow.tenant.ActingParty;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What CreateFlowSignReview and CreateFlowGroupSignReview check alike: the decision, its reason, and
 * that the caller acts for the organization that initiated the contracts, whose internal review it is.
 */
@Component
class SignReviewRules {

    static final int MAX_MESSAGE = 200;
    private final FlowAccess access;

    SignReviewRules(FlowAccess access) {
        this.access = access;
    }

    static SignReviewDecision decision(String reviewType, String reviewMessage, ActingParty acting) {
        SignReviewDecision.Type type;
        try {
            type = SignReviewDecision.Type.valueOf(reviewType.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "ReviewType must be PASS, REJECT or SIGN_REJECT, not "
                    + reviewType + ".");
        }
        String message = reviewMessage == null ? "" : reviewMessage.trim();
        if (message.isEmpty() && type != SignReviewDecision.Type.PASS) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "ReviewMessage: give the reason for " + type + ".");
        }
        if (message.length() > MAX_MESSAGE || !message.isEmpty() && !TextRules.isPlainText(message)) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "ReviewMessage must be at most 200 characters of text.");
        }
        return new SignReviewDecision(type, message.isEmpty() ? null : message,
                AuditTrail.operator(acting.operator().id()));
    }

    /** The contract's group, when the caller acts for the organization that initiated it. */
    FlowGroupSummary groupOfFlow(ActingParty acting, String flowId) {
        return initiators(acting, access.visibleGroupOfFlow(acting.organization(), flowId), "The contract " + flowId);
    }

    FlowGroupSummary group(ActingParty acting, String groupId) {
        return initiators(acting, access.visibleGroup(acting.organization(), groupId), "The contract group " + groupId);
    }

    /**
     * A stranger's contract is reported as missing; a group enterprise that may see its member's contract
     * is refused openly, since the review belongs to the member (it acts for it with Agent).
     */
    private static FlowGroupSummary initiators(ActingParty acting, Optional<FlowGroupSummary> visible, String what) {
        FlowGroupSummary group = visible.orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND,
                what + " does not exist."));
        if (!group.organizationId().equals(acting.organization().id())) {
            throw new ApiException(ErrorCodes.FORBID, what + " was initiated by " + group.organizationName()
                    + ", which reviews its own signers; act for it with Agent.ProxyOrganizationId.");
        }
        return group;
    }
}
