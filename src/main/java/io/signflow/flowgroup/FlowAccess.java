package io.signflow.flowgroup;

import io.signflow.tenant.Organization;
import io.signflow.tenant.OrganizationRepository;
import io.signflow.tenant.ResourceAccessPolicy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which contracts an acting organization may see and act on: its own, and as a group enterprise
 * those its sub-organizations started (the same rule as for files and seals).
 */
@Component
public class FlowAccess {

    private final OrganizationRepository organizations;
    private final FlowGroupRepository groups;

    public FlowAccess(OrganizationRepository organizations, FlowGroupRepository groups) {
        this.organizations = organizations;
        this.groups = groups;
    }

    /**
     * The group of the contract when it exists and {@code acting} may see it. Empty either way
     * otherwise, so that a stranger cannot tell someone else's contract from a missing one.
     */
    public Optional<FlowGroupSummary> visibleGroupOfFlow(Organization acting, String flowId) {
        return groups.findByFlow(flowId).filter(group -> isVisible(acting, group));
    }

    /**
     * The group when it exists and {@code acting} may see it. A contract of its own has a group row that
     * is no group to the API: its id is never given out, and is not found here.
     */
    public Optional<FlowGroupSummary> visibleGroup(Organization acting, String groupId) {
        return groups.find(groupId).filter(group -> isVisible(acting, group)).filter(group -> !groups.isSingle(groupId));
    }

    private boolean isVisible(Organization acting, FlowGroupSummary group) {
        return canSee(acting, group.organizationId());
    }

    /** Whether {@code acting} may see what the organization {@code ownerId} initiated or owns. */
    public boolean canSee(Organization acting, String ownerId) {
        return !visibleOwners(acting, List.of(ownerId)).isEmpty();
    }

    /** The subset of the given initiating organizations' ids that {@code acting} may see. */
    public java.util.Set<String> visibleOwners(Organization acting, Collection<String> ownerIds) {
        Map<String, Organization> owners = organizations.findAll(ownerIds.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Organization::id, Function.identity()));
        return owners.values().stream()
                .filter(owner -> ResourceAccessPolicy.of(acting, owner) == ResourceAccessPolicy.Access.ALLOWED)
                .map(Organization::id).collect(Collectors.toSet());
    }
}
