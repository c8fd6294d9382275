package io.signflow.flowgroup;

/**
 * What the flowgroup actions need from the BPMN processes, owned here so that this module never
 * imports the process layer: the process module implements it. Each call runs inside the caller's
 * transaction, so a failing step rolls the request back.
 */
public interface FlowProcesses {

    /** Starts the flow-group process for a validated request. */
    void startGroup(FlowGroupDraft draft);

    /**
     * Records a validated contract of its own (a draft of one contract, its group row marked single),
     * charges its quota unit and runs its sign-flow directly, with no flow-group around it.
     */
    void startFlow(FlowGroupDraft draft);

    /** Ends a contract's sign-flow through its cancel path; the cancel message is already recorded. */
    void cancelFlow(String flowId);

    /** Wakes a contract that waited for its dynamic signers; they are already recorded. */
    void approversFilled(String flowId);

    /**
     * Asks the group's process to cancel its open contracts (CancelFlowGroup): the process does it
     * through {@link FlowGroupOperations#cancelOpen} with this message, actor and address.
     */
    void cancelGroup(String groupId, String message, String actor, String clientIp);

    /** Tells the group's process that its open contracts have a new deadline, so it moves their timers. */
    void groupDeadlineModified(String groupId);
}
