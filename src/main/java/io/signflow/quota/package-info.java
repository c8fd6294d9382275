/**
 * Contract quota accounts, their ledger and the billing actions.
 */
@ApplicationModule(displayName = "Quota", allowedDependencies = {"api", "common", "flowgroup", "tenant"})
package io.signflow.quota;

import org.springframework.modulith.ApplicationModule;
