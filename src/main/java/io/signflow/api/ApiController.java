package io.signflow.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * / — the Tencent Cloud API 3.0 endpoint (POST, and GET with the parameters in the query string).
 * Every answer is HTTP 200 with the JSON envelope, whatever the request's method, Content-Type or
 * Accept: the mapping declares no produces or consumes, which would let the framework answer 406 or
 * 415 before the gateway sees the request.
 */
@RestController
class ApiController {

    /** API 3.0's limits for a GET's query string and a signature v1 form body (a JSON body's is configured). */
    static final int MAX_QUERY_BYTES = 32 * 1024;
    static final int MAX_FORM_BODY_BYTES = 1024 * 1024;

    private final ApiGateway gateway;
    private final long maxBodyBytes;

    public ApiController(ApiGateway gateway, ApiProperties properties) {
        this.gateway = gateway;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @RequestMapping(path = "/")
    public ResponseEntity<byte[]> api(HttpServletRequest request) throws IOException {
        String query = request.getQueryString();
        if (query != null && query.length() > MAX_QUERY_BYTES) {
            return ok(gateway.tooLarge("query string", MAX_QUERY_BYTES));
        }
        long limit = isForm(request.getContentType()) ? Math.min(MAX_FORM_BODY_BYTES, maxBodyBytes) : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            return ok(gateway.tooLarge("request body", limit));
        }
        byte[] body;
        // read here, never through getParameter(), which would consume a form body before it is signed
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) limit + 1);
        }
        if (body.length > limit) {
            return ok(gateway.tooLarge("request body", limit));
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return ok(gateway.handle(new ApiHttpRequest(request.getMethod(), headers, query, body, request.getRemoteAddr())));
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static ResponseEntity<byte[]> ok(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
