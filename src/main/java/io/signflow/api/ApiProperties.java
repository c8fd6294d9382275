package io.signflow.api;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the API gateway ({@code signflow.api.*}).
 *
 * @param rateLimitPerSecond requests per second and organization for an action that has no limit of its own
 * @param actionRateLimits   per-action limits, e.g. DescribeFlowBriefs: 300; they replace the
 *                           reference's ({@link #REFERENCE_RATE_LIMITS}) action by action
 * @param maxBodySize        the largest request body accepted (TC3 allows 10 MB)
 * @param timestampTolerance how far X-TC-Timestamp may be from the server clock
 */
@ConfigurationProperties("signflow.api")
record ApiProperties(
        @DefaultValue("20") int rateLimitPerSecond,
        @DefaultValue Map<String, Integer> actionRateLimits,
        @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("300s") Duration timestampTolerance) {

    /** The limits the ESS documentation gives per action and organization. */
    public static final Map<String, Integer> REFERENCE_RATE_LIMITS = Map.of(
            "CreateFlowGroupByFiles", 20,
            "DescribeFlowBriefs", 300,
            "DescribeBillUsage", 50,
            "DescribeBillUsageDetail", 20);

    public ApiProperties {
        // keys given through the environment arrive in lower case (SIGNFLOW_API_ACTIONRATELIMITS_DESCRIBEFLOWBRIEFS)
        Map<String, Integer> byAction = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byAction.putAll(actionRateLimits);
        actionRateLimits = Collections.unmodifiableMap(byAction);
    }

    public int rateLimitFor(String action) {
        Integer configured = actionRateLimits.get(action);
        return configured != null ? configured : REFERENCE_RATE_LIMITS.getOrDefault(action, rateLimitPerSecond);
    }
}
