/**
 * Notifications to signers (SMS gateway, log) delivered through the outbox.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"common", "outbox"})
package io.signflow.notify;

import org.springframework.modulith.ApplicationModule;
