/**
 * The transactional outbox that callbacks and notifications leave through, and its relay.
 */
@ApplicationModule(displayName = "Outbox", allowedDependencies = {"common"})
package io.signflow.outbox;

import org.springframework.modulith.ApplicationModule;
