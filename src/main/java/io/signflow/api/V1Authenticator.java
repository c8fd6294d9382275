package io.signflow.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks an API 3.0 signature v1 request (the SDKs' {@code ClientProfile} sign methods HmacSHA1 and
 * HmacSHA256): the common parameters Action, Version, Region, Timestamp, Nonce, SecretId,
 * SignatureMethod and Signature travel with the action's flattened fields in the query string (GET)
 * or a form body (POST). The same checks as TC3 in the same order ({@link SignatureChecks}), then the
 * replay check the Nonce exists for.
 */
@Component
class V1Authenticator {

    /** The common parameters: everything else is the action's own. */
    private static final Set<String> COMMON = Set.of("Action", "Version", "Region", "Timestamp", "Nonce",
            "SecretId", "SignatureMethod", V1Signature.SIGNATURE, "Token", "RequestClient", "Language");

    private final SignatureChecks checks;
    private final ReplayGuard replayGuard;

    V1Authenticator(SignatureChecks checks, ReplayGuard replayGuard) {
        this.checks = checks;
        this.replayGuard = replayGuard;
    }

    SignedCall authenticate(ApiHttpRequest request, Map<String, String> parameters) {
        String secretId = required(parameters, "SecretId");
        String signature = required(parameters, V1Signature.SIGNATURE);
        String nonce = required(parameters, "Nonce");
        if (!nonce.matches("[0-9]{1,19}")) {
            throw invalid("Nonce must be a random positive integer.");
        }
        String algorithm = parameters.getOrDefault("SignatureMethod", V1Signature.HMAC_SHA1);
        if (!algorithm.equals(V1Signature.HMAC_SHA1) && !algorithm.equals(V1Signature.HMAC_SHA256)) {
            throw invalid("SignatureMethod must be HmacSHA1 or HmacSHA256 (or the Authorization header TC3-HMAC-SHA256).");
        }
        String host = request.header("Host");
        if (host == null) {
            throw invalid("The Host header is required: the signature covers it.");
        }
        ApiCredentials.Credential credential = checks.credential(secretId);
        long timestamp = checks.freshTimestamp(parameters.get("Timestamp"), "Timestamp");
        List<String> expected = SignedHostForms.of(host).stream()
                .map(form -> V1Signature.sign(credential.secretKey(), algorithm,
                        V1Signature.stringToSign(request.method(), form, parameters)))
                .toList();
        checks.requireMatch(signature, expected);
        if (!replayGuard.firstUse(secretId, signature, timestamp + checks.toleranceSeconds())) {
            throw new ApiException(ErrorCodes.SIGNATURE_EXPIRE, "This signed request was received before; "
                    + "a signature is good for one request. Sign each request with a new Nonce.");
        }
        Map<String, String> fields = new LinkedHashMap<>(parameters);
        fields.keySet().removeAll(COMMON);
        return new SignedCall(new ApiCaller(credential.organizationId(), credential.secretId(), request.remoteAddress()),
                parameters.get("Action"), parameters.get("Version"), new ApiPayload.Flattened(fields));
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw invalid("The parameter " + name + " is required to sign with HmacSHA1 or HmacSHA256.");
        }
        return value;
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCodes.INVALID_AUTHORIZATION, message);
    }
}
