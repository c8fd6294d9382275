package io.signflow.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * The arithmetic of API 3.0 signature v1 (SignatureMethod HmacSHA1 or HmacSHA256), as the official
 * SDKs compute it: the method, the host, the path and every parameter but Signature sorted by name,
 * {@code GET127.0.0.1:8080/?Action=...&Nonce=...}, with the values as they are (not URL-encoded), then
 * the Base64 HMAC of that text under the SecretKey.
 */
final class V1Signature {

    static final String HMAC_SHA1 = "HmacSHA1";
    static final String HMAC_SHA256 = "HmacSHA256";
    static final String SIGNATURE = "Signature";

    private V1Signature() {
    }

    static String stringToSign(String method, String host, Map<String, String> parameters) {
        StringBuilder text = new StringBuilder(method).append(host).append('/');
        char separator = '?';
        for (Map.Entry<String, String> parameter : new TreeMap<>(parameters).entrySet()) {
            if (!parameter.getKey().equals(SIGNATURE)) {
                // the Java SDK writes an underscore in a name as a dot (Sign.buildParamStr)
                text.append(separator).append(parameter.getKey().replace('_', '.')).append('=')
                        .append(parameter.getValue());
                separator = '&';
            }
        }
        return text.toString();
    }

    static String sign(String secretKey, String algorithm, String stringToSign) {
        return Base64.getEncoder().encodeToString(
                new HmacUtils(algorithm, secretKey.getBytes(StandardCharsets.UTF_8)).hmac(stringToSign));
    }
}
