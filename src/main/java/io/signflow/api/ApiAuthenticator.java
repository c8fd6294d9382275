package io.signflow.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the request styles API 3.0 documents apart and has each one checked: an Authorization header
 * is TC3-HMAC-SHA256 (POST with a JSON body, or GET with the fields in the query string); without one,
 * a Signature parameter in the query string (GET) or a form body (POST) is signature v1.
 */
@Component
class ApiAuthenticator {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Tc3Authenticator tc3;
    private final V1Authenticator v1;

    ApiAuthenticator(Tc3Authenticator tc3, V1Authenticator v1) {
        this.tc3 = tc3;
        this.v1 = v1;
    }

    SignedCall authenticate(ApiHttpRequest request) {
        if (request.header("Authorization") == null) {
            Map<String, String> parameters = v1Parameters(request);
            if (parameters.containsKey(V1Signature.SIGNATURE)) {
                return v1.authenticate(request, parameters);
            }
        }
        ApiCaller caller = tc3.authenticate(request);
        return new SignedCall(caller, request.header("X-TC-Action"), request.header("X-TC-Version"), tc3Payload(request));
    }

    /** Where signature v1 puts its parameters: the query string of a GET, the form body of a POST. */
    private static Map<String, String> v1Parameters(ApiHttpRequest request) {
        if ("GET".equals(request.method())) {
            return FormParameters.parse(request.query());
        }
        if ("POST".equals(request.method()) && hasContentType(request, FORM)) {
            return FormParameters.parse(new String(request.body(), StandardCharsets.UTF_8));
        }
        return Map.of();
    }

    private static ApiPayload tc3Payload(ApiHttpRequest request) {
        if ("POST".equals(request.method()) && hasContentType(request, JSON)) {
            return new ApiPayload.JsonBody(request.body());
        }
        if ("GET".equals(request.method()) && request.body().length == 0) {
            return new ApiPayload.Flattened(FormParameters.parse(request.query()));
        }
        return new ApiPayload.Unsupported("Send TC3-HMAC-SHA256 requests as POST with Content-Type application/json "
                + "or as GET with the parameters in the query string; form bodies go with HmacSHA1/HmacSHA256 "
                + "signing (a Signature parameter).");
    }

    private static boolean hasContentType(ApiHttpRequest request, String type) {
        String contentType = request.header("Content-Type");
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(type);
    }
}
