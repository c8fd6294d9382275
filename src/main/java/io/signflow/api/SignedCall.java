package io.signflow.api;

/**
 * A request whose signature checked out: who sent it, the action and version it names (headers for
 * TC3, parameters for signature v1) and what it carries.
 */
record SignedCall(ApiCaller caller, String action, String version, ApiPayload payload) {
}
