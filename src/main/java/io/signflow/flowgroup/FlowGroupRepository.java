package io.signflow.flowgroup;

import io.signflow.common.Rows;
import io.signflow.common.TransactionBatch;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import io.signflow.audit.AuditTrail;
import io.signflow.tenant.FlowGroupPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes a validated group with its flows, approvers and components, one batch per table. */
@Repository
public class FlowGroupRepository {

    /**
     * The approver insert's column types, so that a null is sent as its column's type: otherwise an
     * enterprise and a person approver (names or mobiles left null) would differ in parameter types,
     * and the driver would prepare the statement anew for each such row of every batch.
     */
    private static final int[] APPROVER_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
            Types.INTEGER, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.BOOLEAN, Types.BOOLEAN,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.BOOLEAN, Types.VARCHAR};

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    /*
     * A creation's rows wait for its next statement (the engine's, as it starts the contracts), so that
     * every table's rows reach the database together; they wait in the order their rows refer to each other.
     */
    private final TransactionBatch groups;
    private final TransactionBatch flows;
    private final TransactionBatch approvers;
    private final TransactionBatch components;
    private final TransactionBatch copiedParties;

    public FlowGroupRepository(JdbcClient jdbc, JdbcTemplate batch, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.groups = TransactionBatch.untilNextStatement("flow_group", batch, "insert into flow_group (id, name, "
                + "organization_id, operator_organization_id, operator_user_id, approver_verify_type, self_notify_type, "
                + "other_notify_type, status, policy, single, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.flows = TransactionBatch.untilNextStatement("flow", batch, "insert into flow (id, group_id, position, "
                + "organization_id, name, flow_type, description, file_id, deadline, unordered, user_data, callback_url, "
                + "display_type, status, created_at, updated_at, need_sign_review) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.approvers = TransactionBatch.untilNextStatement("approver", batch, "insert into approver (recipient_id, "
                + "sign_id, flow_id, sign_order, approver_type, dynamic, organization_name, name, mobile, id_card_type, "
                + "id_card_number, user_id, notify_type, role, role_name, pre_read_time, no_refuse, no_transfer, "
                + "verify_types, sign_types, custom_tag, status, need_sign_review, signer_id) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", APPROVER_TYPES);
        this.components = TransactionBatch.untilNextStatement("component", batch, "insert into component (flow_id, "
                + "recipient_id, component_type, component_id, component_name, page_no, pos_x, pos_y, width, height, "
                + "required, component_value, extra) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.copiedParties = TransactionBatch.untilNextStatement("copied_party", batch, "insert into copied_party (id, "
                + "flow_id, group_id, position, cc_type, name, mobile, permission, notify_type, notify_when) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * The group's own row, written first: its signers refer to it, and its contracts to them
     * ({@link #insertContracts}). {@code organizationName}: the initiating organization's, which the
     * group's summary shows; {@code single}: a contract of its own, never shown as a group.
     */
    public void insertGroup(FlowGroupDraft group, String organizationName, FlowGroupPolicy policy, boolean single) {
        groups.add(new Object[] {group.id(), group.name(), group.organizationId(), group.operatorOrganizationId(),
                group.operatorUserId(), group.approverVerifyType(), group.selfNotifyType(), group.otherNotifyType(),
                GroupStatus.SIGNING.name(), policy.wire(), single, utc(group.createdAt())});
        List<String> flowIds = group.flows().stream().map(FlowGroupDraft.Flow::id).toList();
        audit.startChains(flowIds);
        FlowMemos.SUMMARIES.remember(group.id(), new FlowGroupSummary(group.id(), group.name(), group.organizationId(),
                organizationName, group.operatorUserId(), group.approverVerifyType(), group.selfNotifyType(),
                group.otherNotifyType(), GroupStatus.SIGNING.name()));
        FlowMemos.GROUP_FLOWS.remember(group.id(), flowIds);
        FlowMemos.SINGLE.remember(group.id(), single);
    }

    /**
     * The group's contracts with their approvers, components and copied parties, in one batch per
     * table. Each approver is written with its signer ({@code signerOfApprover}, by recipient id): an
     * approver named later, or signing automatically, has none yet.
     */
    public void insertContracts(FlowGroupDraft group, Map<String, String> signerOfApprover) {
        OffsetDateTime created = utc(group.createdAt());
        List<Object[]> flowRows = new ArrayList<>();
        List<Object[]> approverRows = new ArrayList<>();
        List<Object[]> componentRows = new ArrayList<>();
        List<Object[]> copiedRows = new ArrayList<>();
        for (int i = 0; i < group.flows().size(); i++) {
            FlowGroupDraft.Flow f = group.flows().get(i);
            flowRows.add(new Object[] {f.id(), group.id(), i, group.organizationId(), f.name(), f.flowType(),
                    f.description(), f.fileId(), utc(f.deadline()), f.unordered(), f.userData(), f.callbackUrl(),
                    f.displayType(), initialStatus(f), created, created,
                    f.needSignReview()});
            for (FlowGroupDraft.Approver a : f.approvers()) {
                approverRows.add(new Object[] {a.recipientId(), a.signId(), f.id(), a.signOrder(), a.type().code(),
                        a.dynamic(), a.organizationName(), a.name(), a.mobile(), a.idCardType(), a.idCardNumber(),
                        a.userId(), a.notifyType(), a.role(), a.roleName(), a.preReadTime(), a.noRefuse(),
                        a.noTransfer(), a.verifyTypes(), a.signTypes(), a.customTag(), initialStatus(a),
                        a.needSignReview(), signerOfApprover.get(a.recipientId())});
                a.signComponents().forEach(c -> componentRows.add(component(f.id(), a.recipientId(), c)));
                a.fillComponents().forEach(c -> componentRows.add(component(f.id(), a.recipientId(), c)));
            }
            f.initiatorComponents().forEach(c -> componentRows.add(component(f.id(), null, c)));
            for (int k = 0; k < f.copiedParties().size(); k++) {
                FlowGroupDraft.CopiedParty cc = f.copiedParties().get(k);
                copiedRows.add(new Object[] {cc.id(), f.id(), group.id(), k, cc.ccType(), cc.name(), cc.mobile(),
                        cc.permission(), cc.notifyType(), f.ccNotifyWhen().code()});
            }
        }
        flows.add(flowRows);
        approvers.add(approverRows);
        components.add(componentRows);
        copiedParties.add(copiedRows);
        remember(group, signerOfApprover);
    }

    /** The rows the creation's next steps read back, from the draft just written. */
    private void remember(FlowGroupDraft group, Map<String, String> signerOfApprover) {
        for (FlowGroupDraft.Flow f : group.flows()) {
            FlowMemos.FLOW_GROUP.remember(f.id(), group.id());
            FlowMemos.TERMS.remember(f.id(), new FlowMemos.Terms(f.deadline(), f.unordered()));
            FlowMemos.STATUS.remember(f.id(), initialStatus(f));
            FlowMemos.COPIED.remember(f.id(), !f.copiedParties().isEmpty());
            FlowMemos.REVIEWED.remember(f.id(),
                    f.approvers().stream().anyMatch(a -> a.needSignReview() || f.needSignReview()));
            FlowMemos.APPROVERS.remember(f.id(), f.approvers().stream()
                    .sorted(Comparator.comparingInt(FlowGroupDraft.Approver::signOrder))
                    .map(a -> new FlowApprover(a.recipientId(), a.signId(), f.id(), a.signOrder(), a.type().code(),
                            a.dynamic(), a.organizationName(), a.name(), a.mobile(), a.notifyType(),
                            signerOfApprover.get(a.recipientId()), initialStatus(a)))
                    .toList());
            f.approvers().stream().filter(a -> a.type().isAutomatic())
                    .forEach(a -> FlowMemos.SEALS.remember(a.recipientId(), ApproverRecords.sealsNamed(
                            Stream.concat(a.signComponents().stream(), a.fillComponents().stream())
                                    .map(c -> new SimpleEntry<>(c.type(), c.value())).toList())));
        }
    }

    /** A named signer waits for their turn; a dynamic one first for their name. */
    private static int initialStatus(FlowGroupDraft.Approver approver) {
        return approver.dynamic() ? ApproveStatus.NOT_STARTED : ApproveStatus.NOT_REACHED;
    }

    /** Signing starts at once, unless dynamic signers are still to be named. */
    private static int initialStatus(FlowGroupDraft.Flow flow) {
        return flow.approvers().stream().anyMatch(FlowGroupDraft.Approver::dynamic) ? FlowStatus.AWAITING_FILL
                : FlowStatus.TO_SIGN;
    }

    /** Whether the group row is a single contract's own, which the API does not show as a group. */
    public boolean isSingle(String groupId) {
        return FlowMemos.SINGLE.get(groupId, id -> jdbc.sql("select single from flow_group where id = ?").param(id)
                .query(Boolean.class).optional()).orElse(false);
    }

    /** A contract of its own has ended: its group row ends with it, since no flow-group concludes it. */
    public void concludeIfSingle(String flowId) {
        String groupId = FlowMemos.FLOW_GROUP.get(flowId, id -> jdbc.sql("select group_id from flow where id = ?")
                .param(id).query(String.class).optional()).orElseThrow();
        if (isSingle(groupId)) {
            conclude(groupId, outcome(groupId));
        }
    }

    public List<String> flowIds(String groupId) {
        return FlowMemos.GROUP_FLOWS.get(groupId, id -> Optional.of(jdbc.sql(
                "select id from flow where group_id = ? order by position").param(id).query(String.class).list()))
                .orElseThrow();
    }

    /** The contracts of the group not ended yet, in request order. */
    public List<String> openFlowIds(String groupId) {
        return jdbc.sql("select id from flow where group_id = ? and status in (" + FlowStatus.AWAITING_FILL + ", "
                + FlowStatus.TO_SIGN + ", " + FlowStatus.PART_SIGNED + ") order by position").param(groupId)
                .query(String.class).list();
    }

    /** The policy the group was created with. */
    public FlowGroupPolicy policy(String groupId) {
        return FlowGroupPolicy.of(jdbc.sql("select policy from flow_group where id = ?").param(groupId)
                .query(String.class).single()).orElseThrow();
    }

    /**
     * Marks a group still signing as partly failed; false when it was marked already (or has ended), so
     * that only the first failure is announced.
     */
    public boolean markPart(String groupId) {
        FlowMemos.SUMMARIES.forget(groupId);
        return jdbc.sql("update flow_group set status = ? where id = ? and status = ?")
                .params(GroupStatus.PART.name(), groupId, GroupStatus.SIGNING.name()).update() == 1;
    }

    public String status(String groupId) {
        return jdbc.sql("select status from flow_group where id = ?").param(groupId).query(String.class).single();
    }

    private static final String SUMMARY = "select g.id, g.name, g.organization_id, o.name as organization_name, "
            + "g.operator_user_id, g.approver_verify_type, g.self_notify_type, g.other_notify_type, g.status "
            + "from flow_group g join organization o on o.id = g.organization_id ";

    public Optional<FlowGroupSummary> find(String groupId) {
        return FlowMemos.SUMMARIES.get(groupId,
                id -> jdbc.sql(SUMMARY + "where g.id = ?").param(id).query(Rows.of(FlowGroupSummary.class)).optional());
    }

    public Optional<FlowGroupSummary> findByFlow(String flowId) {
        Optional<String> groupId = FlowMemos.FLOW_GROUP.known(flowId);
        if (groupId.isPresent()) {
            return find(groupId.get());
        }
        Optional<FlowGroupSummary> group = jdbc.sql(SUMMARY + "join flow f on f.group_id = g.id where f.id = ?")
                .param(flowId).query(Rows.of(FlowGroupSummary.class)).optional();
        group.ifPresent(g -> {
            FlowMemos.FLOW_GROUP.remember(flowId, g.id());
            FlowMemos.SUMMARIES.remember(g.id(), g);
        });
        return group;
    }

    public FlowGroupOutcome outcome(String groupId) {
        return jdbc.sql("select "
                        + "sum(case when status = " + FlowStatus.ALL_SIGNED + " then 1 else 0 end) as completed, "
                        + "sum(case when status = " + FlowStatus.REJECTED + " then 1 else 0 end) as rejected, "
                        + "sum(case when status = " + FlowStatus.EXPIRED + " then 1 else 0 end) as expired, "
                        + "sum(case when status = " + FlowStatus.CANCELLED + " then 1 else 0 end) as cancelled "
                        + "from flow where group_id = ?")
                .param(groupId).query(Rows.of(FlowGroupOutcome.class)).single();
    }

    public void conclude(String groupId, FlowGroupOutcome outcome) {
        FlowMemos.SUMMARIES.forget(groupId);
        jdbc.sql("update flow_group set status = ?, completed_count = ?, rejected_count = ?, expired_count = ?, "
                        + "cancelled_count = ?, ended_at = ? where id = ?")
                .params(outcome.status().name(), outcome.completed(), outcome.rejected(), outcome.expired(), outcome.cancelled(),
                        OffsetDateTime.now(ZoneOffset.UTC), groupId)
                .update();
    }

    private static Object[] component(String flowId, String recipientId, FlowGroupDraft.Component c) {
        return new Object[] {flowId, recipientId, c.type(), c.componentId(), c.name(), c.page(), c.x(), c.y(),
                c.width(), c.height(), c.required(), c.value(), c.extra()};
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
