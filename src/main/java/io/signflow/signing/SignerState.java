package io.signflow.signing;

import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.signing.SignerQueries.Assignment;
import java.util.List;

/** Where a signer stands in their group, summed up over their contracts; the page shows it as {@code state}. */
enum SignerState {
    /** something can be signed now */
    TO_SIGN,
    /** someone else signs first in a contract still open */
    WAITING,
    /** every contract signed by them */
    DONE,
    /** nothing left to do, and not everything was signed: rejected, cancelled or expired */
    ENDED;

    static SignerState of(List<Assignment> assignments) {
        if (assignments.stream().anyMatch(a -> a.approveStatus() == ApproveStatus.TO_SIGN)) {
            return TO_SIGN;
        }
        if (assignments.stream().anyMatch(a -> ApproveStatus.isOpen(a.approveStatus())
                && !FlowStatus.isTerminal(a.flowStatus()))) {
            return WAITING;
        }
        return assignments.stream().allMatch(a -> a.approveStatus() == ApproveStatus.SIGNED) ? DONE : ENDED;
    }

    /** The signer has signed or rejected everything, or their contracts have ended: their link shows no more. */
    boolean usedUp() {
        return this == DONE || this == ENDED;
    }

    /** Why a signer in this state cannot act now. */
    String nothingToSign() {
        return switch (this) {
            case DONE -> "You have signed all your contracts in this group.";
            case WAITING -> "It is not your turn yet: others sign before you. You will be notified.";
            default -> "Your contracts in this group have ended; there is nothing to sign.";
        };
    }
}
