package io.signflow.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of process variables. Only ids are stored; everything else lives in our tables. */
final class ProcessVariables {

    public static final String FLOW_GROUP_ID = "flowGroupId";
    public static final String FLOW_ID = "flowId";

    private ProcessVariables() {
    }

    public static String flowId(VariableScope scope) {
        return (String) scope.getVariable(FLOW_ID);
    }

    public static String groupId(VariableScope scope) {
        return (String) scope.getVariable(FLOW_GROUP_ID);
    }
}
