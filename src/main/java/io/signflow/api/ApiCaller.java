package io.signflow.api;

/** Who sent an authenticated API request: the organization that owns the API key, and the key's id. */
public record ApiCaller(String organizationId, String secretId) {
}
