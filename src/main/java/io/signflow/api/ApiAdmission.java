package io.signflow.api;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.springframework.stereotype.Component;

/**
 * Whether a request may run now: the organization's rate for the action, then a place among the
 * requests in progress of its kind (creating or not), for the organization and for this node
 * ({@link AdmissionProperties}). Creating actions have a bound of their own, below the others', so a
 * flood of creations leaves reads, cancellations and signers' links their places, and the job
 * executor the connections it completes contracts with. A refusal comes at once and takes nothing.
 */
@Component
class ApiAdmission {

    private final ApiRateLimiter rateLimiter;
    private final Bulkhead nodeCreating;
    private final Bulkhead nodeOther;
    private final BulkheadConfig organizationCreating;
    private final BulkheadConfig organizationOther;
    private final BulkheadRegistry organizations = BulkheadRegistry.ofDefaults();

    ApiAdmission(ApiRateLimiter rateLimiter, AdmissionProperties properties) {
        this.rateLimiter = rateLimiter;
        this.nodeCreating = Bulkhead.of("node/creating", config(properties.nodeCreating(), properties));
        this.nodeOther = Bulkhead.of("node/other", config(properties.nodeOther(), properties));
        this.organizationCreating = config(properties.organizationCreating(), properties);
        this.organizationOther = config(properties.organizationOther(), properties);
    }

    private static BulkheadConfig config(int maxConcurrentCalls, AdmissionProperties properties) {
        return BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls).maxWaitDuration(properties.maxWait())
                .build();
    }

    /** A place for the request, to be closed when it has been answered; refused with RequestLimitExceeded. */
    Permit admit(String organizationId, ApiAction<?> action) {
        rateLimiter.acquire(organizationId, action.name());
        boolean creating = action.creates();
        String kind = creating ? "creating" : "other";
        Bulkhead organization = organizations.bulkhead(organizationId + '/' + kind,
                creating ? organizationCreating : organizationOther);
        take(organization, "Your organization already has " + organization.getBulkheadConfig().getMaxConcurrentCalls()
                + " " + describe(creating) + " in progress on this node");
        Bulkhead node = creating ? nodeCreating : nodeOther;
        try {
            take(node, "The service already has " + node.getBulkheadConfig().getMaxConcurrentCalls() + " "
                    + describe(creating) + " in progress on this node");
        } catch (ApiException refused) {
            organization.onComplete();
            throw refused;
        }
        return () -> {
            node.onComplete();
            organization.onComplete();
        };
    }

    private static String describe(boolean creating) {
        return creating ? "creating requests (CreateFlowGroupByFiles, UploadFiles, evidence reports)" : "requests";
    }

    private static void take(Bulkhead bulkhead, String refusal) {
        if (!bulkhead.tryAcquirePermission()) {
            throw new ApiException(ErrorCodes.REQUEST_LIMIT_EXCEEDED, refusal + "; try again in a moment.");
        }
    }

    /** A place taken; closing it frees the place. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
