package io.signflow.flowgroup;

import java.util.Set;

/** FlowStatus numbers as the API and callbacks use them; docs/status.md tells when each applies. */
public final class FlowStatus {

    /** created; dynamic signers still to be filled in before signing starts */
    public static final int AWAITING_FILL = 0;
    /** signing; no person has signed yet (auto-signers may have) */
    public static final int TO_SIGN = 1;
    /** signing; at least one person has signed */
    public static final int PART_SIGNED = 2;
    public static final int REJECTED = 3;
    public static final int ALL_SIGNED = 4;
    public static final int EXPIRED = 5;
    public static final int CANCELLED = 6;
    /** ESS statuses Signflow does not reach, terminal all the same (reference section 4) */
    public static final int FILL_REFUSED = 10;
    public static final int INVALIDATED = 16;
    public static final int RELEASED = 21;

    private static final Set<Integer> TERMINAL = Set.of(REJECTED, ALL_SIGNED, EXPIRED, CANCELLED, FILL_REFUSED,
            INVALIDATED, RELEASED);

    private FlowStatus() {
    }

    public static boolean isTerminal(int status) {
        return TERMINAL.contains(status);
    }
}
