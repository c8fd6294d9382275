package io.signflow.flowgroup;

/** How a group's contracts ended. */
public record FlowGroupOutcome(int completed, int rejected, int expired, int cancelled) {

    /** How the group ended once all its contracts have: COMPLETED when every one was signed by all, otherwise ENDED. */
    public GroupStatus status() {
        return anyFailed() ? GroupStatus.ENDED : GroupStatus.COMPLETED;
    }

    public int ended() {
        return completed + rejected + expired + cancelled;
    }

    public boolean anyFailed() {
        return rejected + expired + cancelled > 0;
    }

    /**
     * The group's status as DescribeFlowInfo shows it, in the words of the FlowGroupStatusChange
     * callback: while any of its {@code contracts} is still open PROCESSING, or PART once one was
     * rejected, expired or cancelled; then ALL when every one was completed and INVALID when any ended
     * otherwise.
     */
    public String apiStatus(int contracts) {
        if (ended() < contracts) {
            return (anyFailed() ? GroupStatus.PART : GroupStatus.SIGNING).api();
        }
        return status().api();
    }
}
