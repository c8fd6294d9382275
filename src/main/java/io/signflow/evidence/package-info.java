/**
 * Evidence reports: a signed PDF per contract or per group that gathers identities, the audit trail
 * with its hash chain, file hashes and the platform signatures, charged to the CloudProve quota.
 */
@ApplicationModule(displayName = "Evidence",
        allowedDependencies = {"api", "audit", "common", "flowgroup", "quota", "sealing", "tenant"})
package io.signflow.evidence;

import org.springframework.modulith.ApplicationModule;
