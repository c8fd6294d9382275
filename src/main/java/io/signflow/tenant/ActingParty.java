package io.signflow.tenant;

/**
 * Who an API call acts as: the operator, the operator's organization,
 * and the organization acted for — the same one, or a sub-organization named through Agent.
 */
public record ActingParty(Employee operator, Organization operatorOrganization, Organization organization) {

    public boolean isProxy() {
        return !operatorOrganization.id().equals(organization.id());
    }
}
