/**
 * Top layer: security, admin users, the clock. Wires Spring and Camunda; no module depends on it.
 */
@ApplicationModule(displayName = "Configuration", allowedDependencies = {})
package io.signflow.config;

import org.springframework.modulith.ApplicationModule;
