/**
 * Stamping, PAdES signatures, completion certificates and downloads of signed documents.
 */
@ApplicationModule(displayName = "Sealing",
        allowedDependencies = {"api", "audit", "common", "document", "flowgroup", "tenant"})
package io.signflow.sealing;

import org.springframework.modulith.ApplicationModule;
