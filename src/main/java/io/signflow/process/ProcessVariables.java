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
    /**
     * A flow-group started by the engine (REST or a call activity) instead of CreateFlowGroupByFiles:
     * the request body as JSON text (or UTF-8 bytes), the organization in whose name it is made, as an
     * API key's, and the operator. Read and removed by the first step.
     */
    public static final String FLOW_GROUP_REQUEST = "flowGroupRequest";
    public static final String ORGANIZATION_ID = "organizationId";
    public static final String OPERATOR_USER_ID = "operatorUserId";
    /** How the group ended, for a calling process: ALL or INVALID (the FlowGroupStatusChange words). */
    public static final String FLOW_GROUP_STATUS = "flowGroupStatus";
    /** CancelFlowGroup's message, who asked and from where; local to the cancellation's event subprocess. */
    public static final String CANCEL_MESSAGE = "cancelMessage";
    public static final String CANCELLED_BY = "cancelledBy";
    public static final String CANCEL_CLIENT_IP = "cancelClientIp";
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
