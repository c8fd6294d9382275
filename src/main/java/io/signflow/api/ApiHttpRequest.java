package io.signflow.api;

import java.util.Locale;
import java.util.Map;

/**
 * The parts of an HTTP request the API gateway looks at; header names are lower-case, the query is
 * the raw query string (as signed) or null.
 */
record ApiHttpRequest(String method, Map<String, String> headers, String query, byte[] body,
                             String remoteAddress) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
