/**
 * Bottom layer: small helpers every module may use (ids, text, secrets, problem responses). Depends
 * on no module.
 */
@ApplicationModule(displayName = "Common", allowedDependencies = {})
package io.signflow.common;

import org.springframework.modulith.ApplicationModule;
