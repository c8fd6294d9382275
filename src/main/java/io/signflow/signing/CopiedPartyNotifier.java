package io.signflow.signing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.common.Mobiles;
import io.signflow.flowgroup.CcMoment;
import io.signflow.flowgroup.CopiedParties;
import io.signflow.flowgroup.CopiedParties.CopiedParty;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowQueries;
import io.signflow.notify.NotificationService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a contract's copied parties about it, at the moment its CcNotifyType names, with a read-only
 * link. As the group starts, a reader copied on several of its contracts gets one text (their link
 * opens all of them); a completion is told per contract, since contracts complete one by one. A
 * copied party with NotifyType "none" is not told.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CopiedPartyNotifier {

    private final CopiedParties parties;
    private final FlowGroupRepository groups;
    private final FlowQueries flows;
    private final ReadLinks links;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final Clock clock;

    CopiedPartyNotifier(CopiedParties parties, FlowGroupRepository groups, FlowQueries flows, ReadLinks links,
                        NotificationService notifications, AuditTrail audit, Clock clock) {
        this.parties = parties;
        this.groups = groups;
        this.flows = flows;
        this.links = links;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    public void notify(String flowId, CcMoment moment) {
        List<CopiedParty> due = parties.ofFlows(List.of(flowId)).stream()
                .filter(p -> p.moment() == moment && !p.silenced() && p.notifiedAt() == null).toList();
        if (due.isEmpty()) {
            return;
        }
        FlowGroupSummary group = groups.findByFlow(flowId).orElseThrow();
        String flowName = flows.flows(List.of(flowId)).get(0).name();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (CopiedParty party : due) {
            boolean toldAlready = moment == CcMoment.STARTED
                    && parties.toldInGroup(group.id(), party.name(), party.mobile(), moment);
            if (!toldAlready) {
                String link = links.issue(new ReadLinks.Reader(group.id(), party.name(), party.mobile()));
                notifications.send(party.mobile(), NotificationService.Purpose.COPY_NOTICE,
                        text(group, flowName, moment, link), link, null, group.id(), flowId);
            }
            audit.recordAll(group.id(), List.of(flowId), AuditEvent.NOTIFIED, AuditTrail.PLATFORM, null,
                    (toldAlready ? "copy notice already sent for the group to " : "copy notice sent to ")
                            + Mobiles.masked(party.mobile()));
            parties.markTold(party.id(), now);
        }
    }

    private static String text(FlowGroupSummary group, String flowName, CcMoment moment, String link) {
        return moment == CcMoment.STARTED
                ? group.organizationName() + "将合同组“" + group.name() + "”中的合同抄送给您，请打开链接查看：" + link
                : group.organizationName() + "抄送给您的合同“" + flowName + "”已签署完成，请打开链接查看：" + link;
    }
}
