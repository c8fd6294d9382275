package io.signflow.flowgroup;

/** How a group's contracts ended. */
public record FlowGroupOutcome(int completed, int rejected, int expired, int cancelled) {

    /** COMPLETED when every contract was signed by all, otherwise ENDED (with the counts telling why). */
    public String status() {
        return rejected + expired + cancelled == 0 ? "COMPLETED" : "ENDED";
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
        if (ended() < contracts) {
            return "PROCESSING";
        }
        return status().equals("COMPLETED") ? "ALL" : "INVALID";
    }
}
