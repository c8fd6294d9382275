package io.signflow.flowgroup;

/** How a group's contracts ended. */
public record FlowGroupOutcome(int completed, int rejected, int expired, int cancelled) {

    /** COMPLETED when every contract was signed by all, otherwise ENDED (with the counts telling why). */
    public String status() {
        return rejected + expired + cancelled == 0 ? "COMPLETED" : "ENDED";
    }
}
