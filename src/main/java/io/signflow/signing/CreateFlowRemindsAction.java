package io.signflow.signing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowReminds: sends the invitation again, with a fresh link, to every signer whose turn it is
 * in the contracts named — if they are notified at all (NotifyType and the group's options) and have
 * been reminded fewer than three times for that contract.
 */
@Component
public class CreateFlowRemindsAction implements ApiAction<CreateFlowRemindsAction.Request> {

    static final int REMINDERS_PER_SIGNER = 3;
    private final ActingPartyResolver actingParties;
    private final FlowGroupRepository groups;
    private final FlowAccess access;
    private final FlowProgress progress;
    private final SignerLookup lookup;
    private final TurnNotifier notifier;
    private final JdbcClient jdbc;

    public CreateFlowRemindsAction(ActingPartyResolver actingParties, FlowGroupRepository groups, FlowAccess access,
                                   FlowProgress progress, SignerLookup lookup, TurnNotifier notifier, JdbcClient jdbc) {
        this.actingParties = actingParties;
        this.groups = groups;
        this.access = access;
        this.progress = progress;
        this.lookup = lookup;
        this.notifier = notifier;
        this.jdbc = jdbc;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull List<String> flowIds, Agent agent) {
    }

    public record Response(List<RemindFlowRecords> remindFlowRecords) {
    }

    public record RemindFlowRecords(boolean canRemind, String flowId, String remindMessage) {
    }

    @Override
    public String name() {
        return "CreateFlowReminds";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        List<String> flowIds = request.flowIds().stream().distinct().toList();
        if (flowIds.isEmpty() || flowIds.size() > 100) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "FlowIds must hold 1 to 100 ids.");
        }
        List<RemindFlowRecords> records = new ArrayList<>();
        for (String flowId : flowIds) {
            records.add(remind(acting, flowId));
        }
        return new Response(records);
    }

    private RemindFlowRecords remind(ActingParty acting, String flowId) {
        Optional<FlowGroupSummary> group = groups.findByFlow(flowId)
                .filter(g -> !access.visibleOwners(acting.organization(), List.of(g.organizationId())).isEmpty());
        if (group.isEmpty()) {
            return new RemindFlowRecords(false, flowId, "The contract does not exist.");
        }
        progress.lock(List.of(flowId));
        if (FlowStatus.isTerminal(progress.status(flowId))) {
            return new RemindFlowRecords(false, flowId, "The contract has ended.");
        }
        int reminded = 0;
        for (FlowApprover approver : progress.approvers(flowId)) {
            int sent = jdbc.sql("select reminded from approver where recipient_id = ?").param(approver.recipientId())
                    .query(Integer.class).single();
            if (approver.status() != ApproveStatus.TO_SIGN || !NotificationPolicy.notifies(group.get(), approver)
                    || sent >= REMINDERS_PER_SIGNER) {
                continue;
            }
            notifier.remind(group.get(), lookup.signerOf(approver), approver.mobile());
            jdbc.sql("update approver set reminded = reminded + 1 where recipient_id = ?").param(approver.recipientId())
                    .update();
            reminded++;
        }
        return reminded > 0 ? new RemindFlowRecords(true, flowId, "Reminded " + reminded + " signer(s).")
                : new RemindFlowRecords(false, flowId, "No signer can be reminded: nobody whose turn it is is notified, "
                        + "or each has had " + REMINDERS_PER_SIGNER + " reminders.");
    }
}
