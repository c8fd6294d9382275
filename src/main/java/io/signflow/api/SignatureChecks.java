package io.signflow.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The checks every signing style makes, in ESS's order after the request's own form: a known
 * SecretId, a timestamp within the tolerated distance of the server clock, then a signature equal to
 * one the server computes. TC3-HMAC-SHA256 and HmacSHA1/HmacSHA256 (signature v1) differ only in what
 * they sign and where they carry it.
 */
@Component
class SignatureChecks {

    private final ApiCredentials credentials;
    private final Clock clock;
    private final long toleranceSeconds;

    SignatureChecks(ApiCredentials credentials, Clock clock, ApiProperties properties) {
        this.credentials = credentials;
        this.clock = clock;
        this.toleranceSeconds = properties.timestampTolerance().toSeconds();
    }

    ApiCredentials.Credential credential(String secretId) {
        return credentials.find(secretId).orElseThrow(() -> new ApiException(ErrorCodes.SECRET_ID_NOT_FOUND,
                "The SecretId " + secretId + " is not known."));
    }

    /** The request time in Unix seconds, refused when it is too far from now. */
    long freshTimestamp(String value, String name) {
        long timestamp;
        try {
            timestamp = Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCodes.INVALID_AUTHORIZATION, name + " must be the request time in Unix seconds.");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > toleranceSeconds) {
            throw new ApiException(ErrorCodes.SIGNATURE_EXPIRE, name + " " + timestamp + " is more than "
                    + toleranceSeconds + " s away from the server time " + now + ".");
        }
        return timestamp;
    }

    long toleranceSeconds() {
        return toleranceSeconds;
    }

    /** The given signature must equal one of the expected ones, compared in constant time. */
    void requireMatch(String given, List<String> expected) {
        byte[] givenBytes = given.getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : expected) {
            matched |= MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII), givenBytes);
        }
        if (!matched) {
            throw failure();
        }
    }

    static ApiException failure() {
        return new ApiException(ErrorCodes.SIGNATURE_FAILURE,
                "The request signature does not match. Check the SecretKey and how the request is signed.");
    }
}
