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
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowGroupSignReview: one decision on a signer's review in every contract of a group where it
 * is still open. The signer is found as ESS matches them: name with mobile, or name with ID card, and
 * for an enterprise signer its organization. Each contract's review task is completed as by
 * CreateFlowSignReview; contracts that ended, or where the signer's review passed, are left alone.
 */
@Component
class CreateFlowGroupSignReviewAction implements ApiAction<CreateFlowGroupSignReviewAction.Request> {

    private final ActingPartyResolver actingParties;
    private final SignReviewRules rules;
    private final FlowProgress progress;
    private final SignReviews reviews;
    private final SignReviewProcesses processes;

    CreateFlowGroupSignReviewAction(ActingPartyResolver actingParties, SignReviewRules rules, FlowProgress progress,
                                    SignReviews reviews, SignReviewProcesses processes) {
        this.actingParties = actingParties;
        this.rules = rules;
        this.progress = progress;
        this.reviews = reviews;
        this.processes = processes;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull String flowGroupId, @NotNull String reviewType,
                          @NotNull @Valid NeedReviewApproverInfo approverInfo, Agent agent, String reviewMessage) {
    }

    /** The signer whose review is decided (NeedReviewApproverInfo). */
    public record NeedReviewApproverInfo(String approverType, String approverName, String approverMobile,
                                         String approverIdCardType, String approverIdCardNumber,
                                         String organizationName) {
    }

    public record Response() {
    }

    @Override
    public String name() {
        return "CreateFlowGroupSignReview";
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
        FlowGroupSummary group = rules.group(acting, request.flowGroupId());
        List<SignReviews.Review> signer = signer(group.id(), request.approverInfo());
        progress.lock(signer.stream().map(SignReviews.Review::flowId).distinct().sorted().toList());
        List<SignReviews.Review> open = signer.stream()
                .filter(r -> !FlowStatus.isTerminal(progress.status(r.flowId())))
                .map(r -> reviews.review(r.recipientId()).orElse(r)).filter(SignReviews.Review::isOpen).toList();
        if (open.isEmpty()) {
            throw nothingToDecide(signer);
        }
        for (SignReviews.Review review : open) {
            if (!processes.decide(review.flowId(), review.recipientId(), decision)) {
                throw new ApiException(ErrorCodes.FAILED_OPERATION, "No review of " + review.name() + " waits in the "
                        + "contract " + review.flowId() + "; an operator can see why in Cockpit.");
            }
        }
        return new Response();
    }

    private List<SignReviews.Review> signer(String groupId, NeedReviewApproverInfo info) {
        String type = info.approverType() == null ? "" : info.approverType().trim().toUpperCase(Locale.ROOT);
        if (!type.equals("ORGANIZATION") && !type.equals("PERSON")) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "ApproverInfo.ApproverType must be ORGANIZATION or PERSON.");
        }
        boolean enterprise = type.equals("ORGANIZATION");
        if (TextRules.isBlank(info.approverName())) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_NAME, "ApproverInfo.ApproverName is required.");
        }
        if (enterprise && TextRules.isBlank(info.organizationName())) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_ORGANIZATION, "ApproverInfo.OrganizationName is "
                    + "required for an ORGANIZATION signer.");
        }
        boolean byCard = !TextRules.isBlank(info.approverIdCardNumber());
        if (TextRules.isBlank(info.approverMobile()) && !byCard) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "ApproverInfo: give ApproverMobile, or "
                    + "ApproverIdCardType and ApproverIdCardNumber, to find the signer.");
        }
        String organization = enterprise ? info.organizationName().trim().replace('(', '（').replace(')', '）') : null;
        String cardType = TextRules.isBlank(info.approverIdCardType()) ? "ID_CARD" : info.approverIdCardType().trim();
        List<SignReviews.Review> found = reviews.ofSigner(groupId, enterprise, organization, info.approverName().trim(),
                TextRules.isBlank(info.approverMobile()) ? null : info.approverMobile().trim(),
                byCard ? cardType : null, byCard ? info.approverIdCardNumber().trim() : null);
        if (found.isEmpty()) {
            throw new ApiException(ErrorCodes.FLOW_APPROVER_NOT_FOUND, "No signer of the contract group " + groupId
                    + " matches ApproverInfo.");
        }
        return found;
    }

    /** Why the signer has no open review in the group, the most telling reason first. */
    private ApiException nothingToDecide(List<SignReviews.Review> signer) {
        List<SignReviews.Review> current = signer.stream().map(r -> reviews.review(r.recipientId()).orElse(r)).toList();
        if (current.stream().anyMatch(r -> SignReviews.PASSED.equals(r.state()))) {
            return new ApiException(ErrorCodes.FLOW_STATUS_FORBID, "The review of " + signer.get(0).name()
                    + " has passed already in the contracts still open; a passed review is not decided again.");
        }
        if (signer.stream().allMatch(r -> FlowStatus.isTerminal(progress.status(r.flowId())))) {
            return new ApiException(ErrorCodes.FLOW_HAS_TERMINATED, "Every contract of " + signer.get(0).name()
                    + " in the group has ended.");
        }
        if (signer.stream().anyMatch(r -> progress.status(r.flowId()) == FlowStatus.AWAITING_FILL)) {
            return new ApiException(ErrorCodes.FLOW_STATUS_FORBID, "The contracts wait for their dynamic signers; "
                    + "reviews open once every signer is named.");
        }
        return new ApiException(ErrorCodes.NOT_AVAILABLE_SIGN_REVIEW, "The signer " + signer.get(0).name()
                + " is not reviewed in the group's open contracts.");
    }
}
