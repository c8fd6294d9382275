package io.signflow.tenant;

import java.util.Arrays;
import java.util.Optional;

/**
 * What becomes of a group's other open contracts when the first of them is rejected, expires or is
 * cancelled; chosen per organization by an operator ({@code organization.flow_group_policy}).
 */
public enum FlowGroupPolicy {
    /** they go on; the group ends when each has ended its own way (what ESS does) */
    INDEPENDENT("independent"),
    /** they are cancelled at once, each with the refund rule of a cancellation */
    ALL_OR_NOTHING("all-or-nothing");

    private final String wire;

    FlowGroupPolicy(String wire) {
        this.wire = wire;
    }

    /** The word the admin API and the database use. */
    public String wire() {
        return wire;
    }

    public static Optional<FlowGroupPolicy> of(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(wire)).findFirst();
    }
}
