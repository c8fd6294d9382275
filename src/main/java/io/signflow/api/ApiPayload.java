package io.signflow.api;

import java.util.Map;

/** What an authenticated request carries for its action: a JSON body, flattened parameters, or neither. */
sealed interface ApiPayload {

    /** TC3-HMAC-SHA256 over POST: the action's fields as a JSON object. */
    record JsonBody(byte[] body) implements ApiPayload {
    }

    /** TC3 over GET, or signature v1: the action's fields flattened into name=value pairs. */
    record Flattened(Map<String, String> parameters) implements ApiPayload {
    }

    /** A method or Content-Type the signing style does not go with; refused once the action is known. */
    record Unsupported(String reason) implements ApiPayload {
    }
}
