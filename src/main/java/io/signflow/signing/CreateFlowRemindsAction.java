package io.signflow.signing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.ApproverRecords;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowIdsRule;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowReminds: sends the invitation again, with a fresh link, to every signer whose turn it is
 * in the contracts named — if they are notified at all (NotifyType and the group's options) and have
 * been reminded fewer than three times for that contract (the reference's limit, kept per contract).
 * A signer is reminded once per call whatever the number of their contracts named, as the group's
 * invitation is one text: the reminder's link opens all of them, and each contract it covers counts
 * one reminder.
 */
@Component
class CreateFlowRemindsAction implements ApiAction<CreateFlowRemindsAction.Request> {

    static final int REMINDERS_PER_SIGNER = 3;
    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final FlowProgress progress;
    private final SignerLookup lookup;
    private final TurnNotifier notifier;
    private final ApproverRecords approvers;

    public CreateFlowRemindsAction(ActingPartyResolver actingParties, FlowAccess access,
                                   FlowProgress progress, SignerLookup lookup, TurnNotifier notifier,
                                   ApproverRecords approvers) {
        this.actingParties = actingParties;
        this.access = access;
        this.progress = progress;
        this.lookup = lookup;
        this.notifier = notifier;
        this.approvers = approvers;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull List<String> flowIds, Agent agent) {
    }

    public record Response(List<RemindFlowRecords> remindFlowRecords) {
    }

    public record RemindFlowRecords(boolean canRemind, String flowId, String remindMessage) {
    }

    /** One signer to remind: their group, phone, and the approvals in the named contracts it covers. */
    private record Reminder(FlowGroupSummary group, String mobile, List<String> recipientIds) {
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
        List<String> flowIds = FlowIdsRule.distinct(request.flowIds());
        Map<String, FlowGroupSummary> visible = new LinkedHashMap<>();
        for (String flowId : flowIds) {
            access.visibleGroupOfFlow(acting.organization(), flowId).ifPresent(g -> visible.put(flowId, g));
        }
        progress.lock(visible.keySet());
        Map<String, Integer> reminded = approvers.remindersSoFar(visible.keySet());
        Map<String, String> outcome = new HashMap<>();
        Map<String, Reminder> bySigner = new LinkedHashMap<>();
        Map<String, Integer> remindable = new HashMap<>();
        visible.forEach((flowId, group) -> {
            if (FlowStatus.isTerminal(progress.status(flowId))) {
                outcome.put(flowId, "The contract has ended.");
                return;
            }
            for (FlowApprover approver : progress.approvers(flowId)) {
                if (approver.status() == ApproveStatus.TO_SIGN && NotificationPolicy.notifies(group, approver)
                        && reminded.getOrDefault(approver.recipientId(), 0) < REMINDERS_PER_SIGNER) {
                    bySigner.computeIfAbsent(lookup.signerOf(approver),
                            id -> new Reminder(group, approver.mobile(), new ArrayList<>()))
                            .recipientIds().add(approver.recipientId());
                    remindable.merge(flowId, 1, Integer::sum);
                }
            }
        });
        bySigner.forEach((signerId, reminder) -> {
            notifier.remind(reminder.group(), signerId, reminder.mobile());
            approvers.countReminder(reminder.recipientIds());
        });
        List<RemindFlowRecords> records = new ArrayList<>();
        for (String flowId : flowIds) {
            int count = remindable.getOrDefault(flowId, 0);
            records.add(!visible.containsKey(flowId) ? new RemindFlowRecords(false, flowId, "The contract does not exist.")
                    : outcome.containsKey(flowId) ? new RemindFlowRecords(false, flowId, outcome.get(flowId))
                    : count > 0 ? new RemindFlowRecords(true, flowId, "Reminded " + count + " signer(s).")
                    : new RemindFlowRecords(false, flowId, "No signer can be reminded: nobody whose turn it is is "
                            + "notified, or each has had " + REMINDERS_PER_SIGNER + " reminders for this contract."));
        }
        return new Response(records);
    }
}
