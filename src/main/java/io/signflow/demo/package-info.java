/**
 * Top layer: the demo organizations, seal and PDFs the seed examples use, provisioned through the
 * tenant and document APIs.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"common", "document", "tenant"})
package io.signflow.demo;

import org.springframework.modulith.ApplicationModule;
