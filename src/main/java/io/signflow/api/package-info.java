/**
 * Bottom layer: the Tencent Cloud API 3.0 endpoint (TC3 authentication, action dispatch, envelope,
 * error codes). Features plug in as {@link io.signflow.api.ApiAction} beans; api knows none of
 * them.
 */
@ApplicationModule(displayName = "API gateway", allowedDependencies = {"common"})
package io.signflow.api;

import org.springframework.modulith.ApplicationModule;
