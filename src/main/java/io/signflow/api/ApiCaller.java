package io.signflow.api;

/**
 * Who sent an authenticated API request: the organization that owns the API key, the key's id, and
 * the address the request came from (kept in the audit trail).
 */
public record ApiCaller(String organizationId, String secretId, String clientIp) {
}
