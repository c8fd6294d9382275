/**
 * Uploaded files, PDF geometry, inspection and rendering.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = {"api", "common", "tenant"})
package io.signflow.document;

import org.springframework.modulith.ApplicationModule;
