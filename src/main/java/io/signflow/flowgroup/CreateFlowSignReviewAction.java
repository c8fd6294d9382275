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
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowSignReview: the initiating organization's decision on a signer's signing review in one
 * contract. With RecipientId it decides that signer's review (ApproverNeedSignReview, or one of the
 * signers NeedSignReview covers); without, every open review that the contract's NeedSignReview asked
 * for. The decision completes the review's user task in sign-flow, whose next steps record it,
 * announce it and, for SIGN_REJECT, end the contract — all in this request.
 */
@Component
class CreateFlowSignReviewAction implements ApiAction<CreateFlowSignReviewAction.Request> {

    /** OperateType: ESS's SignReview (the default); SIGN_REVIEW is read as the same. */
    private static final Set<String> SIGN_REVIEW = Set.of("SignReview", "SIGN_REVIEW");
    private final ActingPartyResolver actingParties;
    private final SignReviewRules rules;
    private final FlowProgress progress;
    private final SignReviews reviews;
    private final SignReviewProcesses processes;

    CreateFlowSignReviewAction(ActingPartyResolver actingParties, SignReviewRules rules, FlowProgress progress,
                               SignReviews reviews, SignReviewProcesses processes) {
        this.actingParties = actingParties;
        this.rules = rules;
        this.progress = progress;
        this.reviews = reviews;
        this.processes = processes;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull String flowId, @NotNull String reviewType,
                          Agent agent, String recipientId, String operateType, String reviewMessage) {
    }

    public record Response() {
    }

    @Override
    public String name() {
        return "CreateFlowSignReview";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        SignReviewDecision decision = SignReviewRules.decision(request.reviewType(), request.reviewMessage(), acting);
        if ("CreateReview".equals(request.operateType())) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, "OperateType CreateReview reviews a contract "
                    + "prepared with CreatePrepareFlow, which is not offered; signing reviews are SignReview.");
        }
        if (request.operateType() != null && !SIGN_REVIEW.contains(request.operateType())) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "OperateType must be SignReview.");
        }
        String flowId = request.flowId();
        rules.groupOfFlow(acting, flowId);
        progress.lock(List.of(flowId));
        if (FlowStatus.isTerminal(progress.status(flowId))) {
            throw new ApiException(ErrorCodes.FLOW_HAS_TERMINATED, "The contract " + flowId + " has ended; its "
                    + "reviews can no longer be decided.");
        }
        if (!reviews.isReviewed(flowId)) {
            throw new ApiException(ErrorCodes.NOT_AVAILABLE_SIGN_REVIEW, "The contract " + flowId + " asked for no "
                    + "signing review (NeedSignReview, ApproverNeedSignReview).");
        }
        List<SignReviews.Review> targets = targets(flowId, request.recipientId());
        List<SignReviews.Review> open = targets.stream().filter(SignReviews.Review::isOpen).toList();
        if (open.isEmpty()) {
            throw new ApiException(ErrorCodes.FLOW_STATUS_FORBID, "The review of " + names(targets)
                    + " has passed already; a passed review is not decided again.");
        }
        // a SIGN_REJECT ends the contract with its first decision
        for (SignReviews.Review review : decision.type() == SignReviewDecision.Type.SIGN_REJECT ? open.subList(0, 1) : open) {
            if (!processes.decide(flowId, review.recipientId(), decision)) {
                throw new ApiException(ErrorCodes.FAILED_OPERATION, "No review of " + review.name() + " waits in "
                        + "the contract's process; an operator can see why in Cockpit.");
            }
        }
        return new Response();
    }

    private List<SignReviews.Review> targets(String flowId, String recipientId) {
        if (progress.status(flowId) == FlowStatus.AWAITING_FILL) {
            throw new ApiException(ErrorCodes.FLOW_STATUS_FORBID, "The contract " + flowId + " waits for its dynamic "
                    + "signers; its reviews open once every signer is named.");
        }
        List<SignReviews.Review> all = reviews.reviews(flowId);
        if (all.isEmpty()) {
            throw new ApiException(ErrorCodes.NOT_AVAILABLE_SIGN_REVIEW, "None of the signers of the contract "
                    + flowId + " is reviewed: NeedSignReview covers the initiating organization's own enterprise "
                    + "signers, and no signer has ApproverNeedSignReview.");
        }
        if (recipientId != null && !recipientId.isBlank()) {
            if (progress.approvers(flowId).stream().noneMatch(a -> a.recipientId().equals(recipientId))) {
                throw new ApiException(ErrorCodes.FLOW_APPROVER_NOT_FOUND, "The contract " + flowId + " has no signer "
                        + "with RecipientId " + recipientId + ".");
            }
            return List.of(all.stream().filter(r -> r.recipientId().equals(recipientId)).findFirst()
                    .orElseThrow(() -> new ApiException(ErrorCodes.NOT_AVAILABLE_SIGN_REVIEW, "The signer "
                            + recipientId + " of the contract " + flowId + " is not reviewed.")));
        }
        List<SignReviews.Review> byContract = all.stream().filter(SignReviews.Review::byContract).toList();
        if (byContract.isEmpty()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "RecipientId: the contract's reviews are its "
                    + "signers' own (ApproverNeedSignReview); name the signer whose review this decides.");
        }
        return byContract;
    }

    private static String names(List<SignReviews.Review> reviews) {
        return String.join(", ", reviews.stream().map(SignReviews.Review::name).toList());
    }
}
