package io.signflow.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of process variables. Only ids are stored; everything else lives in our tables. */
final class ProcessVariables {

    public static final String FLOW_GROUP_ID = "flowGroupId";
    public static final String FLOW_ID = "flowId";
    /**
     * The approver whose signature or rejection woke the contract, set by the correlation; the step
     * that announces it reads it and removes it, so a message correlated by hand with no approver
     * (docs/operating.md) announces nothing.
     */
    public static final String ACTOR = "actorRecipientId";
    /** sign-flow's review of one signer: whose (the multi-instance element), and the decision taken on it. */
    public static final String REVIEW_RECIPIENT = "reviewRecipientId";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_MESSAGE = "reviewMessage";
    /** Who decided over the API; unset for a decision taken in Tasklist, whose user is then named. */
    public static final String REVIEWED_BY = "reviewedBy";

    private ProcessVariables() {
    }

    public static String flowId(VariableScope scope) {
        return (String) scope.getVariable(FLOW_ID);
    }

    public static String groupId(VariableScope scope) {
        return (String) scope.getVariable(FLOW_GROUP_ID);
    }
}
