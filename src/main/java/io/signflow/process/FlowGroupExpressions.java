package io.signflow.process;

import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupService;
import java.util.List;
import org.springframework.stereotype.Component;

/** What flow-group.bpmn asks in expressions, as {@code ${flowGroups...}}. */
@Component("flowGroups")
public class FlowGroupExpressions {

    private final FlowGroupRepository groups;
    private final FlowGroupService service;

    public FlowGroupExpressions(FlowGroupRepository groups, FlowGroupService service) {
        this.groups = groups;
        this.service = service;
    }

    /** Whether the contract that just ended is the group's first to fail while others are still open. */
    public boolean firstFailure(String flowGroupId, String flowId) {
        return service.isFirstFailure(flowGroupId, flowId);
    }

    /** Whether the group was created under the all-or-nothing policy. */
    public boolean allOrNothing(String flowGroupId) {
        return service.isAllOrNothing(flowGroupId);
    }

    /** The sub-contracts to start one sign-flow each for, in request order. */
    public List<String> flowIds(String flowGroupId) {
        return groups.flowIds(flowGroupId);
    }
}
