package io.signflow.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/** The authenticators wired without Spring: one known key, a clock at the reference's test vector time. */
final class AuthenticatorFixture {

    static final String SECRET_ID = "AKIDtest";
    static final String SECRET_KEY = "secretKeyTest";
    static final long NOW = 1795550312L;

    final SignatureChecks checks = new SignatureChecks(
            id -> SECRET_ID.equals(id) ? Optional.of(new ApiCredentials.Credential(SECRET_ID, SECRET_KEY, "org1"))
                    : Optional.empty(),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC),
            new ApiProperties(20, Map.of(), DataSize.ofMegabytes(10), Duration.ofSeconds(300)));

    /** The database's record of used signatures, kept in memory. */
    final Set<String> usedSignatures = new HashSet<>();

    final ReplayGuard replayGuard = new ReplayGuard(null, null) {
        @Override
        boolean firstUse(String secretId, String signature, long expiresAtEpochSecond) {
            return usedSignatures.add(secretId + "/" + signature);
        }
    };

    final Tc3Authenticator tc3 = new Tc3Authenticator(checks);
    final V1Authenticator v1 = new V1Authenticator(checks, replayGuard);
    final ApiAuthenticator authenticator = new ApiAuthenticator(tc3, v1);

    static ApiHttpRequest request(String method, Map<String, String> headers, String query, String body) {
        Map<String, String> lowerCase = new HashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(java.util.Locale.ROOT), value));
        return new ApiHttpRequest(method, lowerCase, query, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "127.0.0.1");
    }
}
