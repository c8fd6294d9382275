package io.signflow.flowgroup;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.tenant.FlowGroupPolicy;
import io.signflow.tenant.OrganizationRepository;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates the records of a validated group; called by the flow-group process in the creating request. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class FlowGroupService {

    private final FlowGroupRepository groups;
    private final OrganizationRepository organizations;
    private final FlowProgress progress;
    private final AuditTrail audit;

    public FlowGroupService(FlowGroupRepository groups, OrganizationRepository organizations, FlowProgress progress,
                            AuditTrail audit) {
        this.groups = groups;
        this.organizations = organizations;
        this.progress = progress;
        this.audit = audit;
    }

    /**
     * Whether the contract, just ended, is the group's first failure while others are still open: it
     * was rejected, expired or cancelled, the group has not been marked partly failed, and another
     * contract is open. What the flow-group process asks before it announces PART.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean isFirstFailure(String groupId, String flowId) {
        int status = progress.status(flowId);
        boolean failed = status == FlowStatus.REJECTED || status == FlowStatus.EXPIRED || status == FlowStatus.CANCELLED;
        return failed && GroupStatus.SIGNING.name().equals(groups.status(groupId))
                && !groups.openFlowIds(groupId).isEmpty();
    }

    /** The group is partly failed from now on; its first failure is announced once. */
    public void markPart(String groupId) {
        groups.markPart(groupId);
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean isAllOrNothing(String groupId) {
        return groups.policy(groupId) == FlowGroupPolicy.ALL_OR_NOTHING;
    }

    /** Every contract of the group has ended: record how many ended which way. */
    public FlowGroupOutcome conclude(String groupId) {
        FlowGroupOutcome outcome = groups.outcome(groupId);
        groups.conclude(groupId, outcome);
        return outcome;
    }

    /**
     * A contract of its own: its group row, never shown as a group, is marked single. Its signers are
     * registered next, then the contract is written with them ({@link #createContracts}).
     */
    public void createSingle(FlowGroupDraft draft) {
        // one contract has no others to go on or be cancelled with
        groups.insertGroup(draft, organizationName(draft), FlowGroupPolicy.INDEPENDENT, true);
        FlowGroupDraft.Flow flow = draft.flows().get(0);
        audit.record(draft.id(), flow.id(), AuditEvent.CREATED, AuditTrail.operator(draft.operatorUserId()),
                draft.clientIp(), "contract " + flow.name());
    }

    /** A group's row; its signers are registered next, then its contracts written with them ({@link #createContracts}). */
    public void create(FlowGroupDraft draft) {
        // the policy as it stands now stays the group's, whatever the organization chooses later
        groups.insertGroup(draft, organizationName(draft),
                organizations.flowGroupPolicy(draft.organizationId()).orElseThrow(), false);
        audit.recordAll(draft.id(), draft.flows().stream().map(FlowGroupDraft.Flow::id).toList(), AuditEvent.CREATED,
                AuditTrail.operator(draft.operatorUserId()), draft.clientIp(), "group " + draft.name());
    }

    /** The contracts of a group just created, each approver with its signer ({@code signerOfApprover}, by recipient id). */
    public void createContracts(FlowGroupDraft draft, Map<String, String> signerOfApprover) {
        groups.insertContracts(draft, signerOfApprover);
    }

    /** Read by the request's validation already, so answered without a statement. */
    private String organizationName(FlowGroupDraft draft) {
        return organizations.find(draft.organizationId()).orElseThrow().name();
    }
}
