package io.signflow.api;

import io.signflow.api.Tc3Signature.SignedHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;

/**
 * Checks a request's TC3-HMAC-SHA256 signature in the order ESS does: a well-formed Authorization,
 * a known SecretId, a fresh timestamp, then the signature itself. The service name is taken from the
 * credential scope, because the SDK derives it from whatever endpoint the client was pointed at. The
 * canonical query string is the query as received (the SDKs sign what they send: empty for POST,
 * the parameters for GET), and the host is accepted with or without its port ({@link SignedHostForms}).
 */
@Component
class Tc3Authenticator {

    private final SignatureChecks checks;

    Tc3Authenticator(SignatureChecks checks) {
        this.checks = checks;
    }

    public ApiCaller authenticate(ApiHttpRequest request) {
        Authorization auth = Authorization.parse(request.header("Authorization"));
        ApiCredentials.Credential credential = checks.credential(auth.secretId());
        long timestamp = checks.freshTimestamp(request.header("X-TC-Timestamp"), "X-TC-Timestamp");
        if (!auth.date().equals(Tc3Signature.utcDate(timestamp))) {
            throw SignatureChecks.failure();
        }
        for (String name : auth.signedHeaders()) {
            if (request.header(name) == null) {
                throw new ApiException(ErrorCodes.INVALID_AUTHORIZATION,
                        "The signed header " + name + " is not in the request.");
            }
        }
        String payloadHash = Tc3Signature.UNSIGNED_PAYLOAD.equals(request.header("X-TC-Content-SHA256"))
                ? DigestUtils.sha256Hex(Tc3Signature.UNSIGNED_PAYLOAD)
                : DigestUtils.sha256Hex(request.body());
        List<String> expected = new ArrayList<>();
        for (String host : SignedHostForms.of(request.header("Host"))) {
            List<SignedHeader> signed = auth.signedHeaders().stream()
                    .map(name -> new SignedHeader(name, name.equals("host") ? host : request.header(name)))
                    .toList();
            String canonical = Tc3Signature.canonicalRequest(request.method(), request.query(), signed, payloadHash);
            expected.add(Tc3Signature.signature(credential.secretKey(), auth.date(), auth.service(),
                    Tc3Signature.stringToSign(timestamp, auth.service(), canonical)));
        }
        checks.requireMatch(auth.signature(), expected);
        return new ApiCaller(credential.organizationId(), credential.secretId(), request.remoteAddress());
    }

    /** The parsed Authorization header: "TC3-HMAC-SHA256 Credential=id/date/service/tc3_request, SignedHeaders=..., Signature=...". */
    record Authorization(String secretId, String date, String service, List<String> signedHeaders, String signature) {

        static Authorization parse(String header) {
            if (header == null || !header.startsWith(Tc3Signature.ALGORITHM + " ")) {
                throw invalid("The Authorization header must use " + Tc3Signature.ALGORITHM + ".");
            }
            Map<String, String> parts = new HashMap<>();
            for (String part : header.substring(Tc3Signature.ALGORITHM.length() + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
            String[] scope = parts.getOrDefault("Credential", "").split("/");
            String signedHeaders = parts.getOrDefault("SignedHeaders", "");
            String signature = parts.getOrDefault("Signature", "");
            if (scope.length != 4 || !"tc3_request".equals(scope[3]) || scope[0].isEmpty() || scope[2].isEmpty()
                    || signedHeaders.isEmpty() || signature.isEmpty()) {
                throw invalid("The Authorization header needs Credential=<SecretId>/<date>/<service>/tc3_request, "
                        + "SignedHeaders and Signature.");
            }
            List<String> names = List.of(signedHeaders.toLowerCase(java.util.Locale.ROOT).split(";"));
            if (!names.contains("content-type") || !names.contains("host")) {
                throw invalid("SignedHeaders must include content-type and host.");
            }
            return new Authorization(scope[0], scope[1], scope[2], names, signature.toLowerCase(java.util.Locale.ROOT));
        }

        private static ApiException invalid(String message) {
            return new ApiException(ErrorCodes.INVALID_AUTHORIZATION, message);
        }
    }
}
