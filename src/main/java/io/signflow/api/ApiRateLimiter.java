package io.signflow.api;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Requests per second per organization and action, as ESS limits them (20/s for
 * CreateFlowGroupByFiles). The buckets live in this node's memory: a cluster of N nodes behind a
 * load balancer admits up to N times the rate, which the operating guide states.
 */
@Component
class ApiRateLimiter {

    private final ApiProperties properties;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ApiRateLimiter(ApiProperties properties) {
        this.properties = properties;
    }

    public void acquire(String organizationId, String action) {
        Bucket bucket = buckets.computeIfAbsent(organizationId + '/' + action, key -> newBucket(action));
        if (!bucket.tryConsume(1)) {
            throw new ApiException(ErrorCodes.REQUEST_LIMIT_EXCEEDED, "More than "
                    + properties.rateLimitFor(action) + " " + action + " requests per second for this organization.");
        }
    }

    private Bucket newBucket(String action) {
        int perSecond = properties.rateLimitFor(action);
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }
}
