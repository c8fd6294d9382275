package io.signflow.signing;

import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupSummary;

/**
 * Whether a signer whose turn has come is told so. The approver's NotifyType "none" silences them;
 * otherwise the group's option decides: SelfOrganizationApproverNotifyType for signers of the
 * initiating organization, OtherApproverNotifyType for everyone else. "none" always wins (reference
 * section 6, question 5). Auto-signers are never told, and neither are dynamic signers: whoever named
 * them through CreateFlowApprovers gets their link with CreateFlowSignUrl (reference section 3).
 */
final class NotificationPolicy {

    private NotificationPolicy() {
    }

    public static boolean notifies(FlowGroupSummary group, FlowApprover approver) {
        if (approver.type().isAutomatic() || approver.dynamic() || "none".equals(approver.notifyType())) {
            return false;
        }
        boolean ownOrganization = approver.type().isEnterprise()
                && group.organizationName().equals(approver.organizationName());
        return !"none".equals(ownOrganization ? group.selfNotifyType() : group.otherNotifyType());
    }
}
