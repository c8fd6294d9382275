package io.signflow.flowgroup;

/** How a group's contracts ended. */
public record FlowGroupOutcome(int completed, int rejected, int expired, int cancelled) {

    /** How the group ended once all its contracts have: COMPLETED when every one was signed by all, otherwise ENDED. */
    public GroupStatus status() {
        return rejected + expired + cancelled == 0 ? GroupStatus.COMPLETED : GroupStatus.ENDED;
    }

    public int ended() {
        return completed + rejected + expired + cancelled;
    }

    /**
     * The group's status as DescribeFlowInfo shows it, in the words of the FlowGroupStatusChange
     * callback: PROCESSING while any of its {@code contracts} is still open, then ALL when every one
     * was completed and INVALID when any ended otherwise.
     */
    public String apiStatus(int contracts) {
        return (ended() < contracts ? GroupStatus.SIGNING : status()).api();
    }
}
