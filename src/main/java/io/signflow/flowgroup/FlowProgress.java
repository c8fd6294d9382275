package io.signflow.flowgroup;

import io.signflow.common.Rows;
import io.signflow.common.TransactionBatch;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status machine of contracts and their approvers (FlowStatus, ApproveStatus). Every change
 * happens in the caller's transaction, after the caller has locked the flows it changes
 * ({@link #lock}), so that concurrent signatures, rejections, fills, cancellations and the deadline
 * timer are applied one after another. A contract's status and approvers, read at nearly every step
 * of a process, are remembered for the rest of the transaction ({@link FlowMemos}) and forgotten at
 * each change and when the lock is taken, after which they are read as the lock holder left them.
 * The approvers a creation signs automatically and whose turns it opens, one contract after another,
 * are written together before the transaction's next statement ({@link TransactionBatch#untilNextStatement}).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class FlowProgress {

    private static final String APPROVER_COLUMNS = "recipient_id, sign_id, flow_id, sign_order, approver_type, dynamic, "
            + "organization_name, name, mobile, notify_type, signer_id, status";
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Rows of (status, acted_at or null to keep it, recipient_id). */
    private final TransactionBatch statuses;

    public FlowProgress(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.statuses = TransactionBatch.untilNextStatement("approver.status", batch,
                "update approver set status = ?, acted_at = coalesce(?, acted_at) where recipient_id = ?");
    }

    /**
     * Row locks on the flows, always taken in id order so that two transactions cannot deadlock. The
     * locking read also brings what the contracts' steps ask next and the memos may keep (the status,
     * now that no one else changes it, and what is fixed at creation), so that a signature over ten
     * contracts reads them once, not once per contract and step.
     */
    public void lock(Collection<String> flowIds) {
        forget(flowIds);
        if (!flowIds.isEmpty()) {
            jdbc.sql("select id, group_id, status, deadline, unordered, "
                            + "(select g.single from flow_group g where g.id = flow.group_id) as single, "
                            + "exists (select 1 from copied_party c where c.flow_id = flow.id) as copied "
                            + "from flow where id in (:ids) order by id for update")
                    .param("ids", flowIds).query(rs -> {
                        String flowId = rs.getString("id");
                        String groupId = rs.getString("group_id");
                        FlowMemos.STATUS.remember(flowId, rs.getInt("status"));
                        FlowMemos.TERMS.remember(flowId, new FlowMemos.Terms(
                                rs.getObject("deadline", OffsetDateTime.class).toInstant(), rs.getBoolean("unordered")));
                        FlowMemos.FLOW_GROUP.remember(flowId, groupId);
                        FlowMemos.SINGLE.remember(groupId, rs.getBoolean("single"));
                        FlowMemos.COPIED.remember(flowId, rs.getBoolean("copied"));
                    });
        }
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public int status(String flowId) {
        return FlowMemos.STATUS.get(flowId, id -> jdbc.sql("select status from flow where id = ?").param(id)
                .query(Integer.class).optional()).orElseThrow();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean allFilled(String flowId) {
        return approvers(flowId).stream().noneMatch(a -> a.dynamic() && a.status() == ApproveStatus.NOT_STARTED);
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean allSigned(String flowId) {
        return approvers(flowId).stream().allMatch(a -> a.status() == ApproveStatus.SIGNED);
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Instant deadline(String flowId) {
        return terms(flowId).deadline();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<FlowApprover> approvers(String flowId) {
        return FlowMemos.APPROVERS.get(flowId, id -> Optional.of(List.copyOf(jdbc.sql("select " + APPROVER_COLUMNS
                + " from approver where flow_id = ? order by sign_order").param(id).query(Rows.of(FlowApprover.class)).list())))
                .orElseThrow();
    }

    /**
     * Records the auto-signers (ApproverType 3) as signed; returns them. The contract's own row is left
     * as it is: auto-signing is a step of the creating request, which has just written the contract.
     */
    public List<FlowApprover> signAutomatically(String flowId) {
        List<FlowApprover> auto = approvers(flowId).stream()
                .filter(a -> a.type() == ApproverType.ENTERPRISE_AUTO && a.status() != ApproveStatus.SIGNED).toList();
        setStatus(flowId, auto, ApproveStatus.SIGNED, now());
        return auto;
    }

    /**
     * The approvers whose turn has come but who cannot sign yet: everyone still waiting when the
     * contract is unordered, otherwise the first signer who has not signed; nobody while dynamic signers
     * are still to be named.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<FlowApprover> turnsDue(String flowId) {
        if (status(flowId) == FlowStatus.AWAITING_FILL) {
            return List.of();
        }
        boolean unordered = terms(flowId).unordered();
        List<FlowApprover> due = new ArrayList<>();
        for (FlowApprover approver : approvers(flowId)) {
            if (approver.status() == ApproveStatus.SIGNED) {
                continue;
            }
            if (approver.status() == ApproveStatus.NOT_REACHED) {
                due.add(approver);
            }
            if (!unordered) {
                break;
            }
        }
        return due;
    }

    /** Lets the signers whose turn has come sign ({@link #turnsDue}). Returns the approvers newly opened. */
    public List<FlowApprover> openTurns(String flowId) {
        List<FlowApprover> opened = turnsDue(flowId);
        setStatus(flowId, opened, ApproveStatus.TO_SIGN, null);
        return opened;
    }

    /**
     * People signed: each one's approver is signed ({@code recipientIds}) and each contract
     * ({@code flowIds}), if untouched so far, partly signed. One signing action signs a whole group,
     * so the statements are one per table, not one per contract.
     */
    public void recordSignatures(Collection<String> flowIds, Collection<String> recipientIds) {
        forget(flowIds);
        OffsetDateTime now = now();
        jdbc.sql("update approver set status = " + ApproveStatus.SIGNED + ", acted_at = :now where recipient_id in (:ids)")
                .param("now", now).param("ids", recipientIds).update();
        jdbc.sql("update flow set status = " + FlowStatus.PART_SIGNED + ", updated_at = :now where id in (:ids) "
                + "and status = " + FlowStatus.TO_SIGN).param("now", now).param("ids", flowIds).update();
        rememberApprovers(flowIds);
    }

    /** Every contract's process asks next whether all its approvers signed: one read for all of them. */
    private void rememberApprovers(Collection<String> flowIds) {
        jdbc.sql("select " + APPROVER_COLUMNS + " from approver where flow_id in (:ids) order by flow_id, sign_order")
                .param("ids", flowIds).query(Rows.of(FlowApprover.class)).list().stream()
                .collect(Collectors.groupingBy(FlowApprover::flowId))
                .forEach((flowId, approvers) -> FlowMemos.APPROVERS.remember(flowId, List.copyOf(approvers)));
    }

    /** Names a dynamic signer; false when the approver is not an unfilled dynamic signer of the contract. */
    public boolean fill(String flowId, String recipientId, String organizationName, String name, String mobile,
                        String idCardType, String idCardNumber) {
        FlowMemos.APPROVERS.forget(flowId);
        return jdbc.sql("update approver set organization_name = ?, name = ?, mobile = ?, id_card_type = ?, "
                        + "id_card_number = ?, status = " + ApproveStatus.NOT_REACHED + " where recipient_id = ? "
                        + "and flow_id = ? and dynamic and status = " + ApproveStatus.NOT_STARTED)
                .params(organizationName, name, mobile, idCardType, idCardNumber, recipientId, flowId).update() == 1;
    }

    /** The last dynamic signer of a contract was named: signing can start. */
    public void startSigning(String flowId) {
        FlowMemos.STATUS.forget(flowId);
        jdbc.sql("update flow set status = " + FlowStatus.TO_SIGN + ", updated_at = ? where id = ? and status = "
                + FlowStatus.AWAITING_FILL).params(now(), flowId).update();
    }

    public void complete(String flowId) {
        end(flowId, FlowStatus.ALL_SIGNED, null, Set.of());
    }

    /** Rejected by one signer: they are marked rejected, everyone still waiting stopped. */
    public void reject(String flowId, String message) {
        end(flowId, FlowStatus.REJECTED, message, Set.of(ApproveStatus.STOPPED));
    }

    public void expire(String flowId) {
        end(flowId, FlowStatus.EXPIRED, "The contract expired before every signer had signed.",
                Set.of(ApproveStatus.EXPIRED));
    }

    public void cancel(String flowId, String message) {
        end(flowId, FlowStatus.CANCELLED, message, Set.of(ApproveStatus.CANCELLED));
    }

    /** The rejecting signer's own record; the contract ends in the process's reject step. */
    public void recordRejection(String recipientId, String reason) {
        FlowMemos.APPROVERS.forgetAll();
        jdbc.sql("update approver set status = " + ApproveStatus.REJECTED + ", message = ?, acted_at = ? "
                + "where recipient_id = ?").params(reason, now(), recipientId).update();
    }

    /** A new deadline for the contracts; their deadline timers are moved by the caller's process. */
    public void setDeadline(Collection<String> flowIds, Instant deadline) {
        flowIds.forEach(FlowMemos.TERMS::forget);
        jdbc.sql("update flow set deadline = :deadline, updated_at = :now where id in (:ids)")
                .param("deadline", deadline.atOffset(ZoneOffset.UTC)).param("now", now()).param("ids", flowIds)
                .update();
    }

    /** The contract's FlowMessage: a rejection's or cancellation's reason. */
    public void setMessage(String flowId, String message) {
        jdbc.sql("update flow set message = ?, updated_at = ? where id = ?").params(message, now(), flowId).update();
    }

    /** Whether any person (not an auto-signer) has signed the contract; what the refund policy asks. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean anyPersonSigned(String flowId) {
        return count("select count(*) from approver where flow_id = ? and approver_type <> 3 and status = "
                + ApproveStatus.SIGNED, flowId) > 0;
    }

    private void end(String flowId, int flowStatus, String message, Set<Integer> openApproversBecome) {
        forget(List.of(flowId));
        jdbc.sql("update flow set status = ?, message = coalesce(?, message), updated_at = ? where id = ?")
                .params(flowStatus, message, now(), flowId).update();
        for (int status : openApproversBecome) {
            jdbc.sql("update approver set status = ? where flow_id = ? and status in (" + ApproveStatus.NOT_STARTED
                    + ", " + ApproveStatus.NOT_REACHED + ", " + ApproveStatus.TO_SIGN + ")")
                    .params(status, flowId).update();
        }
    }

    /**
     * The approvers' new status ({@code actedAt}: null keeps theirs), and the contract's approvers as
     * just updated when this transaction had read them.
     */
    private void setStatus(String flowId, List<FlowApprover> changed, int status, OffsetDateTime actedAt) {
        statuses.add(changed.stream().map(a -> new Object[] {status, actedAt, a.recipientId()}).toList());
        Set<String> ids = changed.stream().map(FlowApprover::recipientId).collect(Collectors.toSet());
        FlowMemos.APPROVERS.known(flowId).ifPresent(approvers -> FlowMemos.APPROVERS.remember(flowId, approvers.stream()
                .map(a -> ids.contains(a.recipientId()) ? a.withStatus(status) : a).toList()));
    }

    private static void forget(Collection<String> flowIds) {
        for (String flowId : flowIds) {
            FlowMemos.STATUS.forget(flowId);
            FlowMemos.APPROVERS.forget(flowId);
        }
    }

    private FlowMemos.Terms terms(String flowId) {
        return FlowMemos.TERMS.get(flowId, id -> jdbc.sql("select deadline, unordered from flow where id = ?").param(id)
                .query((rs, n) -> new FlowMemos.Terms(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getBoolean(2)))
                .optional()).orElseThrow();
    }

    private int count(String sql, String flowId) {
        return jdbc.sql(sql).param(flowId).query(Integer.class).single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
