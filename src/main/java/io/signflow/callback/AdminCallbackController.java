package io.signflow.callback;

import io.signflow.common.CallbackAddressPolicy;
import io.signflow.common.RequestRejected;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sets an organization's default callback address. The key (32 characters, AES-256 as the reference
 * describes) and the token (for the Content-Signature header) are generated when not given; the
 * answer shows both so the operator can configure the receiver.
 */
@RestController
class AdminCallbackController {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CallbackSettings settings;
    private final CallbackAddressPolicy policy;

    public AdminCallbackController(CallbackSettings settings, CallbackAddressPolicy policy) {
        this.settings = settings;
        this.policy = policy;
    }

    record CallbackRequest(String url, String key, String token) {
    }

    @PutMapping("/admin/organizations/{organizationId}/callback")
    public Map<String, String> set(@PathVariable String organizationId, @RequestBody CallbackRequest body) {
        if (body.url() == null || body.url().isBlank()) {
            throw RequestRejected.badRequest("url is required.");
        }
        String refusal = policy.refusal(body.url());
        if (refusal != null) {
            throw RequestRejected.badRequest("url " + refusal + ".");
        }
        String key = body.key() == null || body.key().isBlank() ? random(32) : body.key();
        if (key.getBytes(StandardCharsets.UTF_8).length != 32) {
            throw RequestRejected.badRequest("key must be 32 bytes (AES-256).");
        }
        String token = body.token() == null || body.token().isBlank() ? random(32) : body.token();
        // printable ASCII, as ESS's tokens are: 128 of them still fit the stored, encrypted column
        if (token.length() > 128 || !token.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw RequestRejected.badRequest("token must be at most 128 printable ASCII characters, without spaces.");
        }
        if (!settings.set(organizationId, new CallbackSettings.Target(body.url(), key, token))) {
            throw RequestRejected.notFound("No organization " + organizationId + ".");
        }
        return Map.of("url", body.url(), "key", key, "token", token);
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
