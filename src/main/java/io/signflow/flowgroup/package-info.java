/**
 * Creating and reading groups and contracts: request model, validation, persistence. Starts and
 * wakes processes only through {@link io.signflow.flowgroup.FlowProcesses}, which the process
 * module implements; it never imports process.
 */
@ApplicationModule(displayName = "Flow groups",
        allowedDependencies = {"api", "audit", "common", "document", "tenant"})
package io.signflow.flowgroup;

import org.springframework.modulith.ApplicationModule;
