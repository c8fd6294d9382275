package io.signflow.tenant;

/**
 * Published inside the transaction that creates an organization, so that modules keeping something
 * per organization (the quota account) create it in the same commit without tenant knowing them.
 */
public record OrganizationCreated(String organizationId, long initialQuota) {
}
