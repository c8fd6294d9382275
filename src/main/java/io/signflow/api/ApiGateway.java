package io.signflow.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.signflow.common.Failures;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The API 3.0 front door: TC3 authentication, version and action lookup, protocol checks, rate limit,
 * body parsing, the action itself, and the {"Response": ...} envelope around whatever comes out,
 * errors included. Nothing thrown inside ever reaches the client as anything but a documented code.
 */
@Component
class ApiGateway {

    public static final String VERSION = "2020-11-11";
    private static final Logger log = LoggerFactory.getLogger(ApiGateway.class);
    private static final int ATTEMPTS = 4;

    private final Tc3Authenticator authenticator;
    private final ApiRateLimiter rateLimiter;
    private final ApiRequestReader reader;
    private final Map<String, ApiAction<?>> actions;
    private final MeterRegistry meters;

    public ApiGateway(Tc3Authenticator authenticator, ApiRateLimiter rateLimiter, ApiRequestReader reader,
                      List<ApiAction<?>> actions, MeterRegistry meters) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.reader = reader;
        this.actions = actions.stream().collect(Collectors.toMap(ApiAction::name, Function.identity()));
        this.meters = meters;
    }

    public byte[] handle(ApiHttpRequest request) {
        String requestId = RequestIds.next();
        String action = request.header("X-TC-Action");
        String metricAction = action != null && actions.containsKey(action) ? action : "unknown";
        long started = System.nanoTime();
        String code = "OK";
        MDC.put("requestId", requestId);
        try {
            ObjectNode response = ApiJson.MAPPER.valueToTree(dispatch(request, action));
            response.put("RequestId", requestId);
            return envelope(response);
        } catch (ApiException e) {
            code = e.code();
            return error(requestId, e);
        } catch (RuntimeException e) {
            ApiException answer = Failures.isDatabaseUnavailable(e)
                    ? new ApiException(ErrorCodes.INTERNAL_ERROR_DB, "The database is unavailable; try again shortly.")
                    : new ApiException(ErrorCodes.INTERNAL_ERROR, "An internal error occurred; quote the RequestId when reporting it.");
            code = answer.code();
            log.error("{} failed with an internal error (request {})", action, requestId, e);
            return error(requestId, answer);
        } finally {
            Timer.builder("signflow.api.requests").tag("action", metricAction).tag("code", code)
                    .publishPercentileHistogram().register(meters).record(System.nanoTime() - started,
                            java.util.concurrent.TimeUnit.NANOSECONDS);
            MDC.remove("requestId");
        }
    }

    public byte[] tooLarge(long limit) {
        return error(RequestIds.next(), new ApiException(ErrorCodes.REQUEST_SIZE_LIMIT_EXCEEDED,
                "The request body is larger than " + limit + " bytes."));
    }

    /** The checks in the reference's order (1.3): authentication, then action and version, then the protocol. */
    private Object dispatch(ApiHttpRequest request, String actionName) {
        ApiCaller caller = authenticator.authenticate(request);
        if (actionName == null || actionName.isBlank()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "The X-TC-Action header is required.");
        }
        String version = request.header("X-TC-Version");
        if (version == null || version.isBlank()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "The X-TC-Version header is required.");
        }
        if (!VERSION.equals(version)) {
            throw new ApiException(ErrorCodes.NO_SUCH_VERSION, "Version " + version + " is not offered; use " + VERSION + ".");
        }
        ApiAction<?> action = actions.get(actionName);
        if (action == null) {
            throw new ApiException(ErrorCodes.INVALID_ACTION, "The action " + actionName + " does not exist.");
        }
        String contentType = request.header("Content-Type");
        if (!"POST".equals(request.method()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_PROTOCOL,
                    "Send API requests as POST / with Content-Type application/json and TC3-HMAC-SHA256 signing.");
        }
        rateLimiter.acquire(caller.organizationId(), actionName);
        return run(action, caller, request.body());
    }

    private <Q> Object run(ApiAction<Q> action, ApiCaller caller, byte[] body) {
        Q parsed = reader.read(body, action.requestType());
        for (int attempt = 1; ; attempt++) {
            try {
                return action.handle(caller, parsed);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !Failures.isTransientConflict(e)) {
                    throw e;
                }
                log.debug("{} hit a concurrent update, attempt {} of {}", action.name(), attempt, ATTEMPTS);
                Failures.backOff(attempt);
            }
        }
    }

    private static byte[] error(String requestId, ApiException e) {
        ObjectNode response = ApiJson.MAPPER.createObjectNode();
        response.putObject("Error").put("Code", e.code()).put("Message", e.getMessage());
        response.put("RequestId", requestId);
        return envelope(response);
    }

    private static byte[] envelope(ObjectNode response) {
        ObjectNode root = ApiJson.MAPPER.createObjectNode();
        root.set("Response", response);
        try {
            return ApiJson.MAPPER.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
