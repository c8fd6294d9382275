package io.signflow.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.NullNode;
import io.signflow.api.ApiJson;
import io.signflow.common.Ids;
import io.signflow.flowgroup.FlowGroupOutcome;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.outbox.MessageKind;
import io.signflow.outbox.Outbox;
import io.signflow.outbox.OutboxMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces a contract's or group's change to the integrator: a V2 callback ({@code MsgId},
 * {@code MsgType}, {@code MsgVersion}, {@code MsgData}) put in the outbox in the transaction of the
 * change, so it is sent exactly when the change is committed and survives restarts. The body is a
 * snapshot of the contract at that moment. Nothing is queued when neither the contract nor its
 * organization has a callback address.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CallbackMessages {

    /** The {@code Operate} values of FlowStatusChange. */
    public enum Operate { START, SIGN, REJECT, CANCEL, FINISH, DEADLINE, REVIEW }

    private final CallbackSources sources;
    private final FlowProgress progress;
    private final FlowGroupRepository groups;
    private final Outbox outbox;
    private final Clock clock;

    public CallbackMessages(CallbackSources sources, FlowProgress progress, FlowGroupRepository groups, Outbox outbox,
                            Clock clock) {
        this.sources = sources;
        this.progress = progress;
        this.groups = groups;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code actorRecipientId}: the approver who signed or rejected; null for the platform's own steps. */
    public void flowChanged(String flowId, Operate operate, String actorRecipientId) {
        announce(flowId, operate, actorRecipientId, "sign", Map.of());
    }

    /**
     * A signer's signing review was decided: FlowStatusChange with CallbackType {@code review} and
     * Operate {@code review}, the signer as the actor, and (Signflow's own fields) the decision as
     * {@code ReviewType} (PASS, REJECT, SIGN_REJECT) and its {@code ReviewMessage}.
     */
    public void reviewDecided(String flowId, String recipientId, String reviewType, String reviewMessage) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("ReviewType", reviewType);
        decision.put("ReviewMessage", nullToEmpty(reviewMessage));
        announce(flowId, Operate.REVIEW, recipientId, "review", decision);
    }

    private void announce(String flowId, Operate operate, String actorRecipientId, String callbackType,
                          Map<String, Object> extra) {
        sources.withDestination(flowId).ifPresent(flow -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("FlowId", flow.id());
            data.put("FlowName", flow.name());
            data.put("FlowType", nullToEmpty(flow.flowType()));
            data.put("FlowDescription", nullToEmpty(flow.description()));
            data.put("FlowMessage", nullToEmpty(flow.message()));
            data.put("DocumentId", "");
            data.put("Unordered", flow.unordered());
            data.put("TemplateId", "");
            data.put("ReleaseFlowId", "");
            data.put("CallbackUrl", nullToEmpty(flow.callbackUrl()));
            data.put("CcInfos", List.of());
            // no user-defined flow types here; an explicit JSON null, which the API's mapper keeps
            data.put("UserFlowType", NullNode.instance);
            data.put("UserData", nullToEmpty(flow.userData()));
            data.put("OrganizationId", flow.organizationId());
            data.put("CallbackType", callbackType);
            data.put("CreateOn", seconds(flow.createdAt()));
            data.put("UpdatedOn", seconds(flow.updatedAt()));
            data.put("OccurTime", seconds(OffsetDateTime.now(clock)));
            data.put("DeadLine", seconds(flow.deadline()));
            List<CallbackSources.Approver> approvers = sources.approvers(flowId);
            // ESS reports the last signature with the contract already all signed (4), then "finish"
            int status = operate == Operate.SIGN && approvers.stream().allMatch(a -> a.status() == ApproveStatus.SIGNED)
                    ? FlowStatus.ALL_SIGNED : CallbackStatuses.flowCallbackStatus(flow.status());
            data.put("FlowCallbackStatus", status);
            data.put("FlowCallbackShowStatus", CallbackStatuses.flow(status));
            data.put("Operate", operate.name().toLowerCase(Locale.ROOT));
            CallbackSources.Approver actor = approvers.stream()
                    .filter(a -> a.recipientId().equals(actorRecipientId)).findFirst().orElse(null);
            data.put("UserId", actor == null ? "" : nullToEmpty(actor.userId()));
            data.put("RecipientId", actorRecipientId == null ? "" : actorRecipientId);
            Set<String> due = operate == Operate.START ? turnsDueAtStart(flowId) : Set.of();
            data.put("Approvers", approvers.stream().map(a -> approver(a, due.contains(a.recipientId()), flow))
                    .toList());
            // a contract of its own belongs to no group: an explicit null, as for UserFlowType
            data.put("FlowGroupMessage", flow.single() ? NullNode.instance
                    : Map.of("FlowGroupId", flow.groupId(), "FlowGroupName", flow.groupName()));
            data.putAll(extra);
            enqueue(flow.destination(), flow.organizationId(), flow.groupId(), flow.id(), "FlowStatusChange", data);
        });
    }

    /**
     * The group's status changed: its first contract failed while others are open ({@code PART}), or
     * it ended ({@code ALL} when every contract was completed, {@code INVALID} otherwise). ESS publishes
     * no payload for FlowGroupStatusChange; ours carries the group's id, name, status and how many
     * contracts ended which way so far. It goes to the organization's default address.
     */
    public void groupStatusChanged(String groupId) {
        sources.group(groupId).filter(g -> g.organizationCallbackUrl() != null).ifPresent(group -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("FlowGroupId", group.id());
            data.put("FlowGroupName", group.name());
            data.put("OrganizationId", group.organizationId());
            FlowGroupOutcome outcome = groups.outcome(groupId);
            data.put("Status", outcome.apiStatus(groups.flowIds(groupId).size()));
            data.put("CompletedCount", outcome.completed());
            data.put("RejectedCount", outcome.rejected());
            data.put("ExpiredCount", outcome.expired());
            data.put("CancelledCount", outcome.cancelled());
            data.put("OccurTime", seconds(OffsetDateTime.now(clock)));
            enqueue(group.organizationCallbackUrl(), group.organizationId(), group.id(), null, "FlowGroupStatusChange",
                    data);
        });
    }

    /**
     * The approvers who may sign as the contract starts. The start is announced as the contract is
     * created, in the transaction that then opens these turns, so the receiver (who sees only what
     * that transaction committed) learns of them as pending, as ESS reports them.
     */
    private Set<String> turnsDueAtStart(String flowId) {
        return progress.turnsDue(flowId).stream().map(FlowApprover::recipientId).collect(Collectors.toSet());
    }

    /** {@code turnDue}: shown as pending (2) whatever the stored status, see {@link #turnsDueAtStart}. */
    private static Map<String, Object> approver(CallbackSources.Approver a, boolean turnDue, CallbackSources.Flow flow) {
        int status = turnDue ? ApproveStatus.TO_SIGN : a.status();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("UserId", nullToEmpty(a.userId()));
        out.put("RecipientId", a.recipientId());
        out.put("ApproverType", a.approverType());
        out.put("OrganizationId", nullToEmpty(a.organizationId()));
        out.put("OrganizationName", nullToEmpty(a.organizationName()));
        out.put("Required", true);
        out.put("ApproverName", nullToEmpty(a.name()));
        out.put("ApproverMobile", nullToEmpty(a.mobile()));
        out.put("ApproverIdCardType", nullToEmpty(a.idCardType()));
        out.put("ApproverIdCardTypeDesc", CallbackStatuses.idCardTypeDesc(a.idCardType()));
        out.put("ApproverIdCardNumber", nullToEmpty(a.idCardNumber()));
        out.put("ApproveCallbackStatus", status);
        out.put("ApproveCallbackShowStatus", CallbackStatuses.approver(status));
        out.put("ApproveMessage", nullToEmpty(a.message()));
        out.put("ApproveTime", a.actedAt() == null ? 0 : seconds(a.actedAt()));
        // signers of a group have no deadline of their own: the contract's applies
        out.put("ApproverDeadline", seconds(flow.deadline()));
        // WeCom signers are not offered, so there is never a source or WeCom user id
        out.put("ApproverSource", "");
        out.put("CustomApproverTag", nullToEmpty(a.customTag()));
        out.put("CustomUserId", "");
        // signers hold no certificates of their own (the platform signs the final PDF) and are verified
        // by a code to their mobile, not through one of ESS's channels
        out.put("CaSign", NullNode.instance);
        out.put("VerifyChannel", NullNode.instance);
        return out;
    }

    private void enqueue(String url, String organizationId, String groupId, String flowId, String type,
                         Map<String, Object> data) {
        String id = Ids.next();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MsgId", id);
        body.put("MsgType", type);
        body.put("MsgVersion", "CustomApp");
        body.put("MsgData", data);
        try {
            outbox.enqueue(OutboxMessage.create(id, MessageKind.CALLBACK, url, organizationId, groupId, flowId, type,
                    ApiJson.MAPPER.writeValueAsString(body), null, null, "callback"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(OffsetDateTime time) {
        return time == null ? 0 : time.toEpochSecond();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
