package io.signflow.api;

import java.util.Optional;

/** Where the gateway looks up API keys; the tenant feature owns them. */
public interface ApiCredentials {

    Optional<Credential> find(String secretId);

    record Credential(String secretId, String secretKey, String organizationId) {
    }
}
