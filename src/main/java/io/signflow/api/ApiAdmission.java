package io.signflow.api;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.springframework.stereotype.Component;

/**
 * Whether a request may run now: a place among this node's requests in progress of its kind
 * (creating or not), then the organization's rate for the action and a place among the
 * organization's requests of that kind ({@link AdmissionProperties}). Creating actions have a bound of their own, below the others', so a
 * flood of creations leaves reads, cancellations and signers' links their places, and the job
 * executor the connections it completes contracts with. While the job executor is behind (more due
 * jobs than {@link AdmissionProperties#backlogBound()}, as last told through {@link CompletionBacklog}), a
 * creating request must also find a place within the smaller bound
 * {@link AdmissionProperties#nodeCreatingBehindBacklog()}: creation yields the cores to finishing what was
 * created. A refusal comes at once and takes nothing.
 */
@Component
class ApiAdmission implements CompletionBacklog {

    private static final String MOMENT = "; try again in a moment.";
    private final ApiRateLimiter rateLimiter;
    private final Bulkhead nodeCreating;
    /**
     * Taken besides {@link #nodeCreating} while behind: a bulkhead of its own rather than a resized one,
     * because shrinking a Resilience4j bulkhead waits for the places it removes to be given back.
     */
    private final Bulkhead nodeCreatingBehindBacklog;
    private final long backlogBound;
    private volatile boolean behind;
    private final Bulkhead nodeOther;
    private final BulkheadConfig organizationCreating;
    private final BulkheadConfig organizationOther;
    private final BulkheadRegistry organizations = BulkheadRegistry.ofDefaults();

    ApiAdmission(ApiRateLimiter rateLimiter, AdmissionProperties properties) {
        this.rateLimiter = rateLimiter;
        this.nodeCreating = Bulkhead.of("node/creating", config(properties.nodeCreating(), properties));
        this.nodeCreatingBehindBacklog = Bulkhead.of("node/creating-behind-backlog",
                config(properties.nodeCreatingBehindBacklog(), properties));
        this.backlogBound = properties.backlogBound();
        this.nodeOther = Bulkhead.of("node/other", config(properties.nodeOther(), properties));
        this.organizationCreating = config(properties.organizationCreating(), properties);
        this.organizationOther = config(properties.organizationOther(), properties);
    }

    private static BulkheadConfig config(int maxConcurrentCalls, AdmissionProperties properties) {
        return BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls).maxWaitDuration(properties.maxWait())
                .build();
    }

    /**
     * A place among the node's requests of the action's kind (null: not an action, counted with the
     * others), taken before authentication so that a refusal costs no database work; to be closed when
     * the request has been answered. Refused with RequestLimitExceeded.
     */
    Permit admitToNode(ApiAction<?> action) {
        boolean creating = action != null && action.creates();
        Bulkhead node = creating ? nodeCreating : nodeOther;
        take(node, "The service already has " + node.getBulkheadConfig().getMaxConcurrentCalls() + " "
                + describe(creating) + " in progress on this node" + MOMENT);
        if (!creating || !behind) {
            return node::onComplete;
        }
        try {
            int places = nodeCreatingBehindBacklog.getBulkheadConfig().getMaxConcurrentCalls();
            take(nodeCreatingBehindBacklog, "Contracts already created are being finished first (until they are, this node"
                    + (places == 0 ? " takes no " + describe(true)
                    : " takes " + places + " " + describe(true) + " at a time") + "); try again shortly.");
        } catch (ApiException refused) {
            node.onComplete();
            throw refused;
        }
        return () -> {
            nodeCreatingBehindBacklog.onComplete();
            node.onComplete();
        };
    }

    /** Whether creating requests now take the smaller bound: behind while more jobs are due than the bound. */
    @Override
    public void dueJobs(long count) {
        behind = count > backlogBound;
    }

    @Override
    public long dueJobsWorthCounting() {
        return backlogBound + 1;
    }

    /** The bound creating requests now have on this node, for the gauge. */
    int nodeCreatingBound() {
        return (behind ? nodeCreatingBehindBacklog : nodeCreating).getBulkheadConfig().getMaxConcurrentCalls();
    }

    /** The organization's rate and a place among its requests of the action's kind; refused with RequestLimitExceeded. */
    Permit admitOrganization(String organizationId, ApiAction<?> action) {
        rateLimiter.acquire(organizationId, action.name());
        boolean creating = action.creates();
        Bulkhead organization = organizations.bulkhead(organizationId + '/' + (creating ? "creating" : "other"),
                creating ? organizationCreating : organizationOther);
        take(organization, "Your organization already has " + organization.getBulkheadConfig().getMaxConcurrentCalls()
                + " " + describe(creating) + " in progress on this node" + MOMENT);
        return organization::onComplete;
    }

    private static String describe(boolean creating) {
        return creating ? "creating requests (CreateFlowGroupByFiles, UploadFiles, evidence reports)" : "requests";
    }

    private static void take(Bulkhead bulkhead, String refusal) {
        if (!bulkhead.tryAcquirePermission()) {
            throw new ApiException(ErrorCodes.REQUEST_LIMIT_EXCEEDED, refusal);
        }
    }

    /** A place taken; closing it frees the place. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
