/**
 * Organizations, group enterprises, employees, seals, API keys and the acting party of a request.
 * Announces new organizations with {@link io.signflow.tenant.OrganizationCreated} instead of
 * calling the modules that keep something per organization.
 */
@ApplicationModule(displayName = "Tenants", allowedDependencies = {"api", "common"})
package io.signflow.tenant;

import org.springframework.modulith.ApplicationModule;
