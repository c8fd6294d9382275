package io.signflow.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.signflow.common.Failures;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The API 3.0 front door: authentication (TC3-HMAC-SHA256, or signature v1), version and action lookup,
 * protocol checks, admission (rate limit and requests in progress, {@link ApiAdmission}),
 * body parsing, an idempotency key's stored answer ({@link IdempotentRequests}), the action itself, and the {"Response": ...} envelope around whatever comes out,
 * errors included. Nothing thrown inside ever reaches the client as anything but a documented code.
 */
@Component
class ApiGateway {

    public static final String VERSION = "2020-11-11";
    private static final Logger log = LoggerFactory.getLogger(ApiGateway.class);
    private static final int ATTEMPTS = 4;
    private static final Pattern QUERY_ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)(?:&|$)");

    private final ApiAuthenticator authenticator;
    private final ApiAdmission admission;
    private final IdempotentRequests idempotentRequests;
    private final ApiRequestReader reader;
    private final Map<String, ApiAction<?>> actions;
    private final MeterRegistry meters;

    ApiGateway(ApiAuthenticator authenticator, ApiAdmission admission, IdempotentRequests idempotentRequests,
               ApiRequestReader reader, List<ApiAction<?>> actions, MeterRegistry meters) {
        this.authenticator = authenticator;
        this.admission = admission;
        this.idempotentRequests = idempotentRequests;
        this.reader = reader;
        this.actions = actions.stream().collect(Collectors.toMap(ApiAction::name, Function.identity()));
        this.meters = meters;
        Gauge.builder("signflow.api.admission.creating", admission, ApiAdmission::nodeCreatingBound)
                .description("Creating requests this node takes at once now (smaller while the job backlog is above its bound)")
                .register(meters);
    }

    public byte[] handle(ApiHttpRequest request) {
        String requestId = RequestIds.next();
        // the header names the action of a TC3 request even when its authentication fails
        String action = request.header("X-TC-Action");
        long started = System.nanoTime();
        String code = "OK";
        MDC.put("requestId", requestId);
        try (ApiAdmission.Permit node = admission.admitToNode(actions.get(claimedAction(request)))) {
            SignedCall call = authenticator.authenticate(request);
            action = call.action();
            ObjectNode response = ApiJson.MAPPER.valueToTree(dispatch(call, request.header(IdempotentRequests.HEADER)));
            response.put("RequestId", requestId);
            return envelope(response);
        } catch (ApiException e) {
            code = e.code();
            return error(requestId, e);
        } catch (RuntimeException e) {
            ApiException answer;
            if (Failures.isConnectionPoolExhausted(e)) {
                // every connection busy for the pool's timeout, the database itself answering: overload, not a fault
                answer = new ApiException(ErrorCodes.REQUEST_LIMIT_EXCEEDED, "The service is busy; try again in a moment.");
                log.warn("{} found no free database connection (request {})", action, requestId);
            } else {
                answer = Failures.isDatabaseUnavailable(e)
                        ? new ApiException(ErrorCodes.INTERNAL_ERROR_DB, "The database is unavailable; try again shortly.")
                        : new ApiException(ErrorCodes.INTERNAL_ERROR, "An internal error occurred; quote the RequestId when reporting it.");
                log.error("{} failed with an internal error (request {})", action, requestId, e);
            }
            code = answer.code();
            return error(requestId, answer);
        } finally {
            String metricAction = action != null && actions.containsKey(action) ? action : "unknown";
            Timer.builder("signflow.api.requests").tag("action", metricAction).tag("code", code)
                    .publishPercentileHistogram().register(meters).record(System.nanoTime() - started,
                            java.util.concurrent.TimeUnit.NANOSECONDS);
            MDC.remove("requestId");
        }
    }

    /**
     * The action a request names before its signature is checked (TC3's header, or signature v1's
     * Action in the query string; a v1 form body's is not read here), to count it with its kind.
     */
    private static String claimedAction(ApiHttpRequest request) {
        String header = request.header("X-TC-Action");
        if (header != null || request.query() == null) {
            return header;
        }
        Matcher action = QUERY_ACTION.matcher(request.query());
        return action.find() ? action.group(1) : null;
    }

    /** The answer to a request whose body or query string ("what") is over its limit. */
    public byte[] tooLarge(String what, long limit) {
        return error(RequestIds.next(), new ApiException(ErrorCodes.REQUEST_SIZE_LIMIT_EXCEEDED,
                "The " + what + " is larger than " + limit + " bytes."));
    }

    /** The checks in the reference's order (1.3): authentication (done), then action and version, then the protocol. */
    private Object dispatch(SignedCall call, String idempotencyKey) {
        String actionName = call.action();
        if (actionName == null || actionName.isBlank()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "The action is required (X-TC-Action, or the Action parameter).");
        }
        String version = call.version();
        if (version == null || version.isBlank()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "The version is required (X-TC-Version, or the Version parameter).");
        }
        if (!VERSION.equals(version)) {
            throw new ApiException(ErrorCodes.NO_SUCH_VERSION, "Version " + version + " is not offered; use " + VERSION + ".");
        }
        ApiAction<?> action = actions.get(actionName);
        if (action == null) {
            throw new ApiException(ErrorCodes.INVALID_ACTION, "The action " + actionName + " does not exist.");
        }
        if (call.payload() instanceof ApiPayload.Unsupported unsupported) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_PROTOCOL, unsupported.reason());
        }
        try (ApiAdmission.Permit admitted = admission.admitOrganization(call.caller().organizationId(), action)) {
            return run(action, call.caller(), call.payload(), action.creates() ? idempotencyKey : null);
        }
    }

    private <Q> Object run(ApiAction<Q> action, ApiCaller caller, ApiPayload payload, String idempotencyKey) {
        String key = idempotencyKey == null ? null : IdempotentRequests.checked(idempotencyKey);
        Q parsed = reader.read(payload, action.requestType());
        if (key == null) {
            return withRetries(action, () -> action.handle(caller, parsed));
        }
        return withRetries(action, () -> idempotentRequests.once(caller.organizationId(), key, action.name(), parsed,
                () -> ApiJson.MAPPER.valueToTree(action.handle(caller, parsed))));
    }

    /** Runs {@code attempt} again (a new transaction each time) when it hit a concurrent update. */
    private static Object withRetries(ApiAction<?> action, Supplier<Object> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (n >= ATTEMPTS || !Failures.isTransientConflict(e)) {
                    throw e;
                }
                log.debug("{} hit a concurrent update, attempt {} of {}", action.name(), n, ATTEMPTS);
                Failures.backOff(n);
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
