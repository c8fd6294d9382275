package io.signflow.flowgroup;

/**
 * A group's status: stored as the constant's name ({@code flow_group.status}, the
 * {@code signflow_groups} metric's tag), shown as {@link #api} in DescribeFlowInfo's FlowGroupStatus
 * and the FlowGroupStatusChange callback's Status.
 */
public enum GroupStatus {
    /** some contract is still open, and none has failed */
    SIGNING("PROCESSING"),
    /** some contract is still open, and at least one was rejected, expired or cancelled */
    PART("PART"),
    /** every contract was signed by all */
    COMPLETED("ALL"),
    /** every contract has ended, and at least one was rejected, expired or cancelled */
    ENDED("INVALID");

    private final String api;

    GroupStatus(String api) {
        this.api = api;
    }

    /** The API's and callbacks' word for it. */
    public String api() {
        return api;
    }
}
