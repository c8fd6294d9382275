package io.signflow.flowgroup;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates the records of a validated group; called by the flow-group process in the creating request. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class FlowGroupService {

    private final FlowGroupRepository groups;
    private final AuditTrail audit;

    public FlowGroupService(FlowGroupRepository groups, AuditTrail audit) {
        this.groups = groups;
        this.audit = audit;
    }

    /** Every contract of the group has ended: record how many ended which way. */
    public FlowGroupOutcome conclude(String groupId) {
        FlowGroupOutcome outcome = groups.outcome(groupId);
        groups.conclude(groupId, outcome);
        return outcome;
    }

    /** A contract of its own: its group row, never shown as a group, is marked single. */
    public void createSingle(FlowGroupDraft draft) {
        groups.insert(draft);
        groups.markSingle(draft.id());
        FlowGroupDraft.Flow flow = draft.flows().get(0);
        audit.record(draft.id(), flow.id(), AuditEvent.CREATED, AuditTrail.operator(draft.operatorUserId()),
                draft.clientIp(), "contract " + flow.name());
    }

    public void create(FlowGroupDraft draft) {
        groups.insert(draft);
        audit.recordAll(draft.id(), draft.flows().stream().map(FlowGroupDraft.Flow::id).toList(), AuditEvent.CREATED,
                AuditTrail.operator(draft.operatorUserId()), draft.clientIp(), "group " + draft.name());
    }
}
