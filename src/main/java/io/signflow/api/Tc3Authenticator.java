package io.signflow.api;

import io.signflow.api.Tc3Signature.SignedHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;

/**
 * Checks a request's TC3-HMAC-SHA256 signature in the order ESS does: a well-formed Authorization,
 * a known SecretId, a fresh timestamp, then the signature itself. The service name is taken from the
 * credential scope, because the SDK derives it from whatever endpoint the client was pointed at.
 */
@Component
class Tc3Authenticator {

    private final ApiCredentials credentials;
    private final Clock clock;
    private final long toleranceSeconds;

    public Tc3Authenticator(ApiCredentials credentials, Clock clock, ApiProperties properties) {
        this.credentials = credentials;
        this.clock = clock;
        this.toleranceSeconds = properties.timestampTolerance().toSeconds();
    }

    public ApiCaller authenticate(ApiHttpRequest request) {
        Authorization auth = Authorization.parse(request.header("Authorization"));
        ApiCredentials.Credential credential = credentials.find(auth.secretId())
                .orElseThrow(() -> new ApiException(ErrorCodes.SECRET_ID_NOT_FOUND,
                        "The SecretId in the Authorization header is not known."));
        long timestamp = timestamp(request.header("X-TC-Timestamp"));
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > toleranceSeconds) {
            throw new ApiException(ErrorCodes.SIGNATURE_EXPIRE, "X-TC-Timestamp " + timestamp
                    + " is more than " + toleranceSeconds + " s away from the server time " + now + ".");
        }
        if (!auth.date().equals(Tc3Signature.utcDate(timestamp))) {
            throw signatureFailure();
        }
        List<SignedHeader> signed = new ArrayList<>();
        for (String name : auth.signedHeaders()) {
            String value = request.header(name);
            if (value == null) {
                throw new ApiException(ErrorCodes.INVALID_AUTHORIZATION,
                        "The signed header " + name + " is not in the request.");
            }
            signed.add(new SignedHeader(name, value));
        }
        String payloadHash = Tc3Signature.UNSIGNED_PAYLOAD.equals(request.header("X-TC-Content-SHA256"))
                ? DigestUtils.sha256Hex(Tc3Signature.UNSIGNED_PAYLOAD)
                : DigestUtils.sha256Hex(request.body());
        String canonical = Tc3Signature.canonicalRequest(request.method(), signed, payloadHash);
        String expected = Tc3Signature.signature(credential.secretKey(), auth.date(), auth.service(),
                Tc3Signature.stringToSign(timestamp, auth.service(), canonical));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw signatureFailure();
        }
        return new ApiCaller(credential.organizationId(), credential.secretId(), request.remoteAddress());
    }

    private static long timestamp(String header) {
        try {
            return Long.parseLong(header == null ? "" : header.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCodes.INVALID_AUTHORIZATION,
                    "X-TC-Timestamp must be the request time in Unix seconds.");
        }
    }

    private static ApiException signatureFailure() {
        return new ApiException(ErrorCodes.SIGNATURE_FAILURE,
                "The request signature does not match. Check the SecretKey and how the request is signed.");
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
