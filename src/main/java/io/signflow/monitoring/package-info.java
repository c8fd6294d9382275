/**
 * Top layer: business gauges for Prometheus; reads the tables directly and changes nothing.
 */
@ApplicationModule(displayName = "Monitoring", allowedDependencies = {})
package io.signflow.monitoring;

import org.springframework.modulith.ApplicationModule;
