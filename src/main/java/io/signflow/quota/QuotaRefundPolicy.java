package io.signflow.quota;

import io.signflow.flowgroup.FlowStatus;

/**
 * When a cancelled contract gives its quota unit back (reference 2.1): only when no person had signed
 * it — auto-signers (ApproverType 3) do not count, they sign during creation. It decides on the
 * contract as CancelFlow found it: a contract that had ended (expired, rejected, completed, released)
 * keeps its unit, and CancelFlow refuses to cancel it anyway. A contract is refunded at most once;
 * and, per the newer CancelFlow terms, refunds stop once an organization has had as many as it has
 * bought units (its free-cancel allowance).
 */
final class QuotaRefundPolicy {

    private QuotaRefundPolicy() {
    }

    /**
     * @param statusWhenCancelled the FlowStatus the contract had when it was cancelled
     * @param personSigned        whether anyone but an auto-signer had signed it
     * @param refundedBefore      whether the contract was refunded already
     * @param refundsSoFar        the units the organization has had back so far
     * @param unitsBought         the units the organization has bought
     */
    public static boolean refunds(int statusWhenCancelled, boolean personSigned, boolean refundedBefore,
                                  long refundsSoFar, long unitsBought) {
        return !FlowStatus.isTerminal(statusWhenCancelled) && !personSigned && !refundedBefore
                && refundsSoFar < unitsBought;
    }
}
