package io.signflow.flowgroup;

import java.time.Instant;
import java.util.List;

/**
 * A validated CreateFlowGroupByFiles request with every id assigned and every component placed on a
 * real page: what the flow-group process persists. Nothing in it needs checking again.
 */
public record FlowGroupDraft(String id, String name, String organizationId, String operatorOrganizationId,
                             String operatorUserId, String clientIp, String approverVerifyType, String selfNotifyType,
                             String otherNotifyType, List<Flow> flows, Instant createdAt) {

    public record Flow(String id, String name, String flowType, String description, String fileId, Instant deadline,
                       boolean unordered, String userData, String callbackUrl, int displayType,
                       List<Approver> approvers, List<Component> initiatorComponents, boolean needSignReview,
                       List<CopiedParty> copiedParties, CcMoment ccNotifyWhen) {
    }

    /** Someone the contract is copied to (CcInfo): they read it through a link of their own and sign nothing. */
    public record CopiedParty(String id, int ccType, String name, String mobile, int permission, String notifyType) {
    }

    public record Approver(String recipientId, String signId, int signOrder, ApproverType type, boolean dynamic,
                           String organizationName, String name, String mobile, String idCardType,
                           String idCardNumber, String userId, String notifyType, Integer role, String roleName,
                           Integer preReadTime, boolean noRefuse, boolean noTransfer, String verifyTypes,
                           String signTypes, String customTag, List<Component> signComponents,
                           List<Component> fillComponents, boolean needSignReview) {
    }

    /** A control in the visible page frame (pt, origin top-left), its page resolved to 1-based. */
    public record Component(String type, String componentId, String name, int page, double x, double y, double width,
                            double height, boolean required, String value, String extra) {
    }
}
