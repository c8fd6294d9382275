package io.signflow.process;

import io.signflow.flowgroup.FlowGroupRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** What flow-group.bpmn asks in expressions, as {@code ${flowGroups...}}. */
@Component("flowGroups")
public class FlowGroupExpressions {

    private final FlowGroupRepository groups;

    public FlowGroupExpressions(FlowGroupRepository groups) {
        this.groups = groups;
    }

    /** The sub-contracts to start one sign-flow each for, in request order. */
    public List<String> flowIds(String flowGroupId) {
        return groups.flowIds(flowGroupId);
    }
}
