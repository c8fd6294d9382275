package io.signflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The admin API over HTTP with the test admin login. */
public class AdminClient {

    public static final String USER = "admin";
    public static final String PASSWORD = "test-admin-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final int port;
    private final String password;

    public AdminClient(int port) {
        this(port, PASSWORD);
    }

    public AdminClient(int port, String password) {
        this.port = port;
        this.password = password;
    }

    public record Reply(int status, JsonNode body) {
    }

    public JsonNode post(String path, Object body) {
        Reply reply = send("POST", path, body, true);
        if (reply.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    public JsonNode get(String path) {
        Reply reply = send("GET", path, null, true);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    public Reply send(String method, String path, Object body, boolean authenticated) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(ApiClient.JSON.writeValueAsBytes(body)))
                    .header("Content-Type", "application/json");
            if (authenticated) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = response.body().isBlank() || !isJson ? null : ApiClient.JSON.readTree(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
