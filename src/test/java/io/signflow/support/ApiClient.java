package io.signflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signflow.api.Tc3Signature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Calls the ESS API over HTTP, signed with TC3 exactly as the SDK signs, and hands back the
 * "Response" object. For requests the SDK cannot send (wrong types, unknown fields, bad signatures).
 */
public class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final int port;
    private final String secretId;
    private final String secretKey;

    public ApiClient(int port, String secretId, String secretKey) {
        this.port = port;
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    public JsonNode call(String action, Object body) {
        return call(action, body, Map.of());
    }

    /** Calls with headers of its own besides the signed ones (e.g. X-Signflow-Idempotency-Key). */
    public JsonNode call(String action, Object body, Map<String, String> extraHeaders) {
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : toJson(body);
        Map<String, String> headers = new java.util.HashMap<>(Tc3Signature.clientHeaders(secretId, secretKey, host(),
                action, "2020-11-11", System.currentTimeMillis() / 1000, bytes));
        headers.putAll(extraHeaders);
        return send(headers, bytes);
    }

    /** Sends with the given headers (Host is implied by the address) and returns the "Response" object. */
    public JsonNode send(Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host() + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).get("Response");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls and requires success. */
    public JsonNode ok(String action, Object body) {
        JsonNode response = call(action, body);
        if (response.has("Error")) {
            throw new AssertionError(action + " failed: " + response.get("Error"));
        }
        return response;
    }

    /** Calls and returns the error code, or "OK". */
    public String code(String action, Object body) {
        JsonNode response = call(action, body);
        return response.has("Error") ? response.get("Error").get("Code").asText() : "OK";
    }

    public String secretId() {
        return secretId;
    }

    public String secretKey() {
        return secretKey;
    }

    private static byte[] toJson(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
