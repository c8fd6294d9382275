package io.signflow.flowgroup;

import io.signflow.tenant.Organization;
import io.signflow.tenant.OrganizationRepository;
import io.signflow.tenant.ResourceAccessPolicy;
import java.util.Collection;
import java.util.Map;
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

    public FlowAccess(OrganizationRepository organizations) {
        this.organizations = organizations;
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
