/**
 * Top layer: one JavaDelegate per BPMN step, message correlation and process variables. Calls the
 * features through their APIs and implements the ports they own ({@link
 * io.signflow.flowgroup.FlowProcesses}); no feature depends on it. Reads the API's refusals (api) to
 * hand them to a calling process as BPMN errors.
 */
@ApplicationModule(displayName = "BPMN adapters",
        allowedDependencies = {"api", "callback", "common", "evidence", "flowgroup", "outbox", "quota", "sealing",
                "signing"})
package io.signflow.process;

import org.springframework.modulith.ApplicationModule;
