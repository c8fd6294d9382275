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
 * POST / — the Tencent Cloud API 3.0 endpoint. Every answer is HTTP 200 with the JSON envelope,
 * whatever the request's method, Content-Type or Accept: the mapping declares no produces or consumes,
 * which would let the framework answer 406 or 415 before the gateway sees the request.
 */
@RestController
class ApiController {

    private final ApiGateway gateway;
    private final long maxBodyBytes;

    public ApiController(ApiGateway gateway, ApiProperties properties) {
        this.gateway = gateway;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @RequestMapping(path = "/")
    public ResponseEntity<byte[]> api(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return ok(gateway.tooLarge(maxBodyBytes));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            return ok(gateway.tooLarge(maxBodyBytes));
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return ok(gateway.handle(new ApiHttpRequest(request.getMethod(), headers, body, request.getRemoteAddr())));
    }

    private static ResponseEntity<byte[]> ok(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
