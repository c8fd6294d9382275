/**
 * Signer links, the signer page and its JSON API, verification codes, auto-signing. Like every
 * feature it does not import the process module.
 */
@ApplicationModule(displayName = "Signing",
        allowedDependencies = {"api", "audit", "common", "document", "flowgroup", "notify", "tenant"})
package io.signflow.signing;

import org.springframework.modulith.ApplicationModule;
