package io.signflow.flowgroup;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import java.util.List;

/** FlowIds in a request: 1 to 100 contract ids, the limit ESS sets for every action that takes a list of them. */
public final class FlowIdsRule {

    public static final int MAX = 100;

    private FlowIdsRule() {
    }

    /** The ids without repeats, or ParameterError when there are none or more than {@link #MAX}. */
    public static List<String> distinct(List<String> flowIds) {
        List<String> ids = flowIds == null ? List.of() : flowIds.stream().distinct().toList();
        if (ids.isEmpty() || ids.size() > MAX) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "FlowIds must hold 1 to " + MAX + " ids.");
        }
        return ids;
    }
}
