package io.signflow.api;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the API gateway ({@code signflow.api.*}).
 *
 * @param rateLimitPerSecond requests per second and organization for each action, unless overridden
 * @param actionRateLimits   per-action overrides, e.g. DescribeFlowBriefs: 300
 * @param maxBodySize        the largest request body accepted (TC3 allows 10 MB)
 * @param timestampTolerance how far X-TC-Timestamp may be from the server clock
 */
@ConfigurationProperties("signflow.api")
public record ApiProperties(
        @DefaultValue("20") int rateLimitPerSecond,
        @DefaultValue Map<String, Integer> actionRateLimits,
        @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("300s") Duration timestampTolerance) {

    public int rateLimitFor(String action) {
        return actionRateLimits.getOrDefault(action, rateLimitPerSecond);
    }
}
