package io.signflow.flowgroup;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.audit.AuditTrail;
import io.signflow.common.RequestRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator cancels a whole group or extends its deadline (HTTP Basic, admin login), with the rules
 * of CancelFlowGroup and ModifyFlowGroupDeadline. Refusals are problem details whose detail starts with
 * the API's error code: 404 for an unknown group, 409 when every contract has ended, 400 otherwise.
 */
@RestController
@RequestMapping("/admin/flow-groups/{flowGroupId}")
class AdminFlowGroupController {

    private final FlowGroupRepository groups;
    private final FlowGroupOperations operations;

    AdminFlowGroupController(FlowGroupRepository groups, FlowGroupOperations operations) {
        this.groups = groups;
        this.operations = operations;
    }

    record Cancellation(String cancelMessage) {
    }

    record NewDeadline(Long deadline) {
    }

    @PostMapping("/cancel")
    @Transactional
    public Map<String, String> cancel(@PathVariable String flowGroupId, @RequestBody Cancellation body,
                                      HttpServletRequest http) {
        run(() -> operations.requestCancel(existing(flowGroupId), body.cancelMessage(), AuditTrail.ADMIN,
                http.getRemoteAddr()));
        return Map.of("flowGroupId", flowGroupId);
    }

    @PutMapping("/deadline")
    @Transactional
    public Map<String, Object> deadline(@PathVariable String flowGroupId, @RequestBody NewDeadline body,
                                        HttpServletRequest http) {
        run(() -> operations.requestDeadline(existing(flowGroupId), body.deadline(), AuditTrail.ADMIN,
                http.getRemoteAddr()));
        return Map.of("flowGroupId", flowGroupId, "deadline", body.deadline());
    }

    private String existing(String groupId) {
        return groups.find(groupId).orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND,
                "The contract group " + groupId + " does not exist.")).id();
    }

    private static void run(Runnable operation) {
        try {
            operation.run();
        } catch (ApiException e) {
            HttpStatus status = switch (e.code()) {
                case ErrorCodes.FLOW_NOT_FOUND -> HttpStatus.NOT_FOUND;
                case ErrorCodes.FLOW_HAS_TERMINATED -> HttpStatus.CONFLICT;
                default -> HttpStatus.BAD_REQUEST;
            };
            throw new RequestRejected(status, e.code() + ": " + e.getMessage());
        }
    }
}
