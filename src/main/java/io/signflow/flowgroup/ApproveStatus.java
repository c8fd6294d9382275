package io.signflow.flowgroup;

/** ApproveStatus numbers as the API and callbacks use them. */
public final class ApproveStatus {

    /** a dynamic signer not filled in yet */
    public static final int NOT_STARTED = 0;
    /** waiting: earlier signers of an ordered contract first, or the contract is waiting to be filled */
    public static final int NOT_REACHED = 1;
    public static final int TO_SIGN = 2;
    public static final int SIGNED = 3;
    public static final int REJECTED = 4;
    public static final int EXPIRED = 5;
    public static final int CANCELLED = 6;
    /** the contract ended through someone else's rejection */
    public static final int STOPPED = 9;

    private ApproveStatus() {
    }

    public static boolean isOpen(int status) {
        return status == NOT_STARTED || status == NOT_REACHED || status == TO_SIGN;
    }
}
