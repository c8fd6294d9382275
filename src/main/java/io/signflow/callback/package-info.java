/**
 * Callbacks to customers' URLs: message content, encryption, delivery through the outbox.
 */
@ApplicationModule(displayName = "Callbacks", allowedDependencies = {"api", "common", "flowgroup", "outbox", "tenant"})
package io.signflow.callback;

import org.springframework.modulith.ApplicationModule;
