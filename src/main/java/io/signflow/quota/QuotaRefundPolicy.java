package io.signflow.quota;

import io.signflow.flowgroup.FlowStatus;

/**
 * When a contract gives its quota unit back (reference 2.1): only when it was cancelled while no
 * person had signed — auto-signers (ApproverType 3) do not count, they sign during creation. Expired,
 * rejected, completed and released contracts keep their unit; a contract is refunded at most once;
 * and, per the newer CancelFlow terms, refunds stop once an organization has had as many as it has
 * bought units (its free-cancel allowance).
 */
public final class QuotaRefundPolicy {

    private QuotaRefundPolicy() {
    }

    public static boolean refunds(int flowStatus, boolean personSigned, boolean refundedBefore, long refundsSoFar,
                                  long unitsBought) {
        return flowStatus == FlowStatus.CANCELLED && !personSigned && !refundedBefore && refundsSoFar < unitsBought;
    }
}
