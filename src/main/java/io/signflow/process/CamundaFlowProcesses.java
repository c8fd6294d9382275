package io.signflow.process;

import io.signflow.flowgroup.FlowGroupDraft;
import io.signflow.flowgroup.FlowProcesses;
import org.springframework.stereotype.Component;

/** The flowgroup module's view of the processes, carried out by the engine. */
@Component
class CamundaFlowProcesses implements FlowProcesses {

    private final FlowGroupProcess groups;
    private final SingleFlowProcess singles;
    private final SignFlowEvents flows;

    CamundaFlowProcesses(FlowGroupProcess groups, SingleFlowProcess singles, SignFlowEvents flows) {
        this.groups = groups;
        this.singles = singles;
        this.flows = flows;
    }

    @Override
    public void startGroup(FlowGroupDraft draft) {
        groups.start(draft);
    }

    @Override
    public void startFlow(FlowGroupDraft draft) {
        singles.start(draft);
    }

    @Override
    public void cancelFlow(String flowId) {
        flows.cancelled(flowId);
    }

    @Override
    public void approversFilled(String flowId) {
        flows.filled(flowId);
    }

    @Override
    public void cancelGroup(String groupId, String message, String actor, String clientIp) {
        groups.cancel(groupId, message, actor, clientIp);
    }

    @Override
    public void groupDeadlineModified(String groupId) {
        groups.deadlineModified(groupId);
    }
}
