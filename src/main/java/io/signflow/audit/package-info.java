/**
 * The audit trail of what happened to a contract and who did it; written by features, read by
 * operators.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = {"common"})
package io.signflow.audit;

import org.springframework.modulith.ApplicationModule;
