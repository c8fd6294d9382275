package io.signflow.signing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.common.Mobiles;
import io.signflow.common.TransactionMemo;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.notify.NotificationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the turns that have come in a contract and tells the signers. A signer gets one invitation
 * when they go from having nothing to sign in the group to having something: the first contract of a
 * group to reach them sends it, later ones while that is still pending do not. So a group produces
 * one message per signer, and an ordered contract that reaches a signer later produces another.
 * Within one transaction (a creation opens every contract's first turns) a signer is checked once:
 * from then on they have a turn pending.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class TurnNotifier {

    private static final TransactionMemo<String, Boolean> TOLD = new TransactionMemo<>("signer.told");

    private final FlowProgress progress;
    private final FlowGroupRepository groups;
    private final SignerRegistry signers;
    private final SignLinks links;
    private final NotificationService notifications;
    private final AuditTrail audit;

    public TurnNotifier(FlowProgress progress, FlowGroupRepository groups, SignerRegistry signers, SignLinks links,
                        NotificationService notifications, AuditTrail audit) {
        this.progress = progress;
        this.groups = groups;
        this.signers = signers;
        this.links = links;
        this.notifications = notifications;
        this.audit = audit;
    }

    public void openTurnsAndNotify(String flowId) {
        FlowGroupSummary group = groups.findByFlow(flowId).orElseThrow();
        for (FlowApprover approver : progress.openTurns(flowId)) {
            String signerId = approver.signerId() != null ? approver.signerId() : signers.assign(group.id(), approver);
            if (!NotificationPolicy.notifies(group, approver)) {
                continue;
            }
            if (TOLD.known(signerId).isPresent()) {
                continue;
            }
            signers.lock(signerId);
            if (!signers.hasAnnouncedTurn(signerId, approver.recipientId())) {
                invite(group, signerId, approver.mobile());
            }
            TOLD.remember(signerId, true);
        }
    }

    /** Sends the signer a fresh link to all their contracts of the group. */
    public void invite(FlowGroupSummary group, String signerId, String mobile) {
        send(group, signerId, mobile, NotificationService.Purpose.SIGN_INVITATION, "邀请您签署");
    }

    /** The invitation again, at the initiator's request (CreateFlowReminds). */
    public void remind(FlowGroupSummary group, String signerId, String mobile) {
        send(group, signerId, mobile, NotificationService.Purpose.REMINDER, "提醒您尽快签署");
    }

    private void send(FlowGroupSummary group, String signerId, String mobile, NotificationService.Purpose purpose,
                      String verb) {
        SignLinks.IssuedLink link = links.issue(signerId);
        java.util.List<String> flowIds = signers.flowIds(signerId);
        // a contract of its own is named as such, not as a group of one
        String text = groups.isSingle(group.id())
                ? group.organizationName() + verb + "合同“" + group.name() + "”，请打开链接查看并签署：" + link.url()
                : group.organizationName() + verb + "合同组“" + group.name() + "”中的" + flowIds.size()
                + "份合同，请打开链接查看并签署：" + link.url();
        notifications.send(mobile, purpose, text, link.url(), null, group.id());
        audit.recordAll(group.id(), flowIds, AuditEvent.NOTIFIED, AuditTrail.PLATFORM, null,
                purpose.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " sent to " + Mobiles.masked(mobile));
    }
}
