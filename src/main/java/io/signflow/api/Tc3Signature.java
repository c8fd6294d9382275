package io.signflow.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * The arithmetic of Tencent Cloud API signature v3 (TC3-HMAC-SHA256), the same on both ends:
 * the server checks a request with it and our own clients (tests, the load generator) sign with it.
 */
public final class Tc3Signature {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signature() {
    }

    /** One signed header as it goes into the canonical request: lower-case name, trimmed lower-case value. */
    public record SignedHeader(String name, String value) {
        public SignedHeader {
            name = name.toLowerCase(java.util.Locale.ROOT);
            value = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static String utcDate(long timestampSeconds) {
        return DATE.format(Instant.ofEpochSecond(timestampSeconds));
    }

    public static String canonicalRequest(String method, List<SignedHeader> headers, String payloadHash) {
        return canonicalRequest(method, "", headers, payloadHash);
    }

    /** The canonical request of "method /?query": the query string exactly as sent, or empty. */
    public static String canonicalRequest(String method, String query, List<SignedHeader> headers, String payloadHash) {
        StringBuilder canonical = new StringBuilder(method).append("\n/\n").append(query == null ? "" : query)
                .append('\n');
        StringBuilder names = new StringBuilder();
        for (SignedHeader header : headers) {
            canonical.append(header.name()).append(':').append(header.value()).append('\n');
            names.append(names.isEmpty() ? "" : ";").append(header.name());
        }
        return canonical.append('\n').append(names).append('\n').append(payloadHash).toString();
    }

    public static String stringToSign(long timestamp, String service, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + utcDate(timestamp) + "/" + service + "/tc3_request\n"
                + DigestUtils.sha256Hex(canonicalRequest);
    }

    /** The hex signature: HMAC chain TC3+key → date → service → "tc3_request", then over the string to sign. */
    public static String signature(String secretKey, String date, String service, String stringToSign) {
        byte[] kDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] kService = hmac(kDate, service);
        byte[] kSigning = hmac(kService, "tc3_request");
        return HexFormat.of().formatHex(hmac(kSigning, stringToSign));
    }

    /**
     * Everything a client needs to send a signed POST / with a JSON body, as the official SDK does:
     * the service is the endpoint's first label, signed headers are content-type and host.
     */
    public static Map<String, String> clientHeaders(String secretId, String secretKey, String host, String action,
                                                    String version, long timestamp, byte[] body) {
        String contentType = "application/json; charset=utf-8";
        String service = host.split("\\.")[0];
        String canonical = canonicalRequest("POST",
                List.of(new SignedHeader("content-type", contentType), new SignedHeader("host", host)),
                DigestUtils.sha256Hex(body));
        String date = utcDate(timestamp);
        String signature = signature(secretKey, date, service, stringToSign(timestamp, service, canonical));
        String authorization = ALGORITHM + " Credential=" + secretId + "/" + date + "/" + service
                + "/tc3_request, SignedHeaders=content-type;host, Signature=" + signature;
        return Map.of("Authorization", authorization, "Content-Type", contentType, "Host", host,
                "X-TC-Action", action, "X-TC-Version", version, "X-TC-Timestamp", Long.toString(timestamp),
                "X-TC-Region", "");
    }

    private static byte[] hmac(byte[] key, String message) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmac(message);
    }
}
