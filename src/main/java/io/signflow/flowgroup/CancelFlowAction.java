package io.signflow.flowgroup;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CancelFlow: ends one contract of a group (the rest go on, reference section 7). Allowed while it
 * is being filled or signed; an ended contract is OperationDenied.FlowHasTerminated, so cancelling
 * twice changes nothing the second time. The contract's process ends through its cancel path in this
 * same request, which refunds the quota unit when QuotaRefundPolicy allows.
 */
@Component
class CancelFlowAction implements ApiAction<CancelFlowAction.Request> {

    static final int MAX_MESSAGE = 200;
    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final FlowProgress progress;
    private final AuditTrail audit;
    private final FlowProcesses processes;

    public CancelFlowAction(ActingPartyResolver actingParties, FlowAccess access,
                            FlowProgress progress, AuditTrail audit, FlowProcesses processes) {
        this.actingParties = actingParties;
        this.access = access;
        this.progress = progress;
        this.audit = audit;
        this.processes = processes;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull String flowId, @NotNull String cancelMessage,
                          Agent agent) {
    }

    public record Response() {
    }

    @Override
    public String name() {
        return "CancelFlow";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        String message = cancelMessage(request.cancelMessage());
        FlowGroupSummary group = access.visibleGroupOfFlow(acting.organization(), request.flowId())
                .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract " + request.flowId()
                        + " does not exist."));
        progress.lock(List.of(request.flowId()));
        if (FlowStatus.isTerminal(progress.status(request.flowId()))) {
            throw new ApiException(ErrorCodes.FLOW_HAS_TERMINATED, "The contract " + request.flowId()
                    + " has ended already; it cannot be cancelled.");
        }
        progress.setMessage(request.flowId(), message);
        audit.record(group.id(), request.flowId(), AuditEvent.CANCELLED, AuditTrail.operator(acting.operator().id()),
                caller.clientIp(), message);
        processes.cancelFlow(request.flowId());
        return new Response();
    }

    /** A CancelMessage trimmed, or InvalidParameter when it is empty, too long or holds emoji. */
    static String cancelMessage(String raw) {
        String message = raw == null ? "" : raw.trim();
        if (message.isEmpty() || message.length() > MAX_MESSAGE || !TextRules.isPlainText(message)
                || message.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "CancelMessage must be 1-200 characters of text, "
                    + "without emoji.");
        }
        return message;
    }
}
