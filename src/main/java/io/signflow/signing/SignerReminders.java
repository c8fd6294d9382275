package io.signflow.signing;

import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.ApproverRecords;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.flowgroup.FlowStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the invitation again, with a fresh link, to every signer whose turn it is in the contracts
 * given — if they are notified at all (NotifyType and the group's options) and have been reminded fewer
 * than three times for that contract (the reference's limit, kept per contract). A signer is reminded
 * once per call whatever the number of their contracts given, as the group's invitation is one text: the
 * reminder's link opens all of them, and each contract it covers counts one reminder. CreateFlowReminds
 * and CreateFlowGroupReminds both remind through here and differ only in how they report.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SignerReminders {

    static final int REMINDERS_PER_SIGNER = 3;
    private final FlowProgress progress;
    private final SignerLookup lookup;
    private final TurnNotifier notifier;
    private final ApproverRecords approvers;

    SignerReminders(FlowProgress progress, SignerLookup lookup, TurnNotifier notifier, ApproverRecords approvers) {
        this.progress = progress;
        this.lookup = lookup;
        this.notifier = notifier;
        this.approvers = approvers;
    }

    /** What became of one approver of a contract given. */
    enum Outcome {
        /** reminded by this call */
        REMINDED,
        /** not their turn, already acted, or not notified */
        NOT_DUE,
        /** their turn, but reminded three times for this contract already */
        LIMIT_REACHED,
        /** the contract has ended */
        ENDED
    }

    record Reminded(FlowApprover approver, Outcome outcome) {
    }

    /** One signer to remind: their group, phone, and the approvals it covers. */
    private record Reminder(FlowGroupSummary group, String mobile, List<String> recipientIds) {
    }

    /**
     * Reminds the signers whose turn it is in the contracts (each visible to the caller, with its group),
     * locking them first; answers every named approver (not auto-signers, not signers still to be named)
     * of each contract, in the order given.
     */
    List<Reminded> remind(Map<String, FlowGroupSummary> groupOfFlow) {
        progress.lock(groupOfFlow.keySet());
        Map<String, Integer> reminded = approvers.remindersSoFar(groupOfFlow.keySet());
        Map<String, Reminder> bySigner = new LinkedHashMap<>();
        List<Reminded> outcomes = new ArrayList<>();
        groupOfFlow.forEach((flowId, group) -> {
            boolean ended = FlowStatus.isTerminal(progress.status(flowId));
            for (FlowApprover approver : progress.approvers(flowId)) {
                if (approver.type().isAutomatic() || approver.name() == null) {
                    continue;
                }
                Outcome outcome = ended ? Outcome.ENDED
                        : approver.status() != ApproveStatus.TO_SIGN || !NotificationPolicy.notifies(group, approver)
                        ? Outcome.NOT_DUE
                        : reminded.getOrDefault(approver.recipientId(), 0) >= REMINDERS_PER_SIGNER ? Outcome.LIMIT_REACHED
                        : Outcome.REMINDED;
                if (outcome == Outcome.REMINDED) {
                    bySigner.computeIfAbsent(lookup.signerOf(approver),
                            id -> new Reminder(group, approver.mobile(), new ArrayList<>()))
                            .recipientIds().add(approver.recipientId());
                }
                outcomes.add(new Reminded(approver, outcome));
            }
        });
        bySigner.forEach((signerId, reminder) -> {
            notifier.remind(reminder.group(), signerId, reminder.mobile());
            approvers.countReminder(reminder.recipientIds());
        });
        return outcomes;
    }
}
