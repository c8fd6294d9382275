package io.signflow.signing;

import io.signflow.common.Ids;
import io.signflow.common.TransactionBatch;
import io.signflow.common.TransactionMemo;
import io.signflow.flowgroup.ApproverRecords;
import io.signflow.flowgroup.ApproverType;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupDraft;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds or creates the signer behind an approver: the same person (kind, organization, name and
 * mobile) is one signer across the whole group, with one link to all their contracts.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class SignerRegistry {

    /**
     * The signers this transaction registered, with their contracts: no other transaction sees them
     * before it commits, so none can have been told of a turn or hold their lock, and their contracts
     * are the ones just written.
     */
    private static final TransactionMemo<String, List<String>> REGISTERED = new TransactionMemo<>("signer.registered");

    private final JdbcClient jdbc;
    private final ApproverRecords approvers;
    private final Clock clock;
    /** A creation's signers, written with its other rows before its next statement. */
    private final TransactionBatch named;

    public SignerRegistry(JdbcClient jdbc, JdbcTemplate batch, ApproverRecords approvers, Clock clock) {
        this.jdbc = jdbc;
        this.approvers = approvers;
        this.clock = clock;
        this.named = TransactionBatch.untilNextStatement("signer", batch,
                "insert into signer (id, group_id, kind, organization_name, name, mobile, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * Registers the signers of a group being created, one per distinct named person. Returns the
     * signer of each approver by recipient id, for the contracts written next, so that opening their
     * turns needs no lookup. Auto-signers sign without a link and get none; dynamic
     * signers get theirs through {@link #assign} once named.
     */
    public Map<String, String> registerNamed(FlowGroupDraft group) {
        Map<List<String>, String> signerIds = new HashMap<>();
        List<Object[]> signers = new ArrayList<>();
        Map<String, String> signerOfApprover = new LinkedHashMap<>();
        Map<String, Set<String>> flowsOfSigner = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (FlowGroupDraft.Flow flow : group.flows()) {
            for (FlowGroupDraft.Approver a : flow.approvers()) {
                if (a.dynamic() || a.type().isAutomatic()) {
                    continue;
                }
                String kind = kind(a.type());
                String organization = organization(a.type(), a.organizationName());
                String signerId = signerIds.computeIfAbsent(List.of(kind, organization, a.name(), a.mobile()), key -> {
                    String id = Ids.next();
                    signers.add(new Object[] {id, group.id(), kind, organization, a.name(), a.mobile(), now});
                    return id;
                });
                signerOfApprover.put(a.recipientId(), signerId);
                flowsOfSigner.computeIfAbsent(signerId, id -> new TreeSet<>()).add(flow.id());
            }
        }
        named.add(signers);
        flowsOfSigner.forEach((signerId, flowIds) -> REGISTERED.remember(signerId, List.copyOf(flowIds)));
        return signerOfApprover;
    }

    /** Finds or creates the signer of an approver named after creation (a dynamic signer). */
    public String assign(String groupId, FlowApprover approver) {
        String kind = kind(approver.type());
        String organization = organization(approver.type(), approver.organizationName());
        // the group's row lock makes find-or-create safe when two contracts name the same person at once
        jdbc.sql("select id from flow_group where id = ? for update").param(groupId).query(String.class).single();
        String signerId = jdbc.sql("select id from signer where group_id = ? and kind = ? and organization_name = ? "
                        + "and name = ? and mobile = ?")
                .params(groupId, kind, organization, approver.name(), approver.mobile()).query(String.class).optional()
                .orElseGet(() -> {
                    String id = Ids.next();
                    jdbc.sql("insert into signer (id, group_id, kind, organization_name, name, mobile, created_at) "
                                    + "values (?, ?, ?, ?, ?, ?, ?)")
                            .params(id, groupId, kind, organization, approver.name(), approver.mobile(),
                                    OffsetDateTime.now(clock))
                            .update();
                    return id;
                });
        approvers.linkSigner(approver.recipientId(), signerId);
        REGISTERED.forget(signerId);
        return signerId;
    }

    private static String kind(ApproverType type) {
        return type.isEnterprise() ? "ENTERPRISE" : "PERSON";
    }

    private static String organization(ApproverType type, String organizationName) {
        return type.isEnterprise() ? organizationName : "";
    }

    /** The signer proved with a one-time code that they may view contracts asking for it (ApproverVerifyTypes 2). */
    public void markViewVerified(String signerId) {
        jdbc.sql("update signer set view_verified_at = ? where id = ? and view_verified_at is null")
                .params(OffsetDateTime.now(clock), signerId).update();
    }

    /** Serialises decisions about one signer (e.g. whether to notify them) across concurrent transactions. */
    public void lock(String signerId) {
        if (REGISTERED.known(signerId).isPresent()) {
            return;
        }
        jdbc.sql("select id from signer where id = ? for update").param(signerId).query(String.class).single();
    }

    /** Whether the signer already has a contract to sign, other than through {@code exceptRecipientId}, that was announced to them. */
    public boolean hasAnnouncedTurn(String signerId, String exceptRecipientId) {
        if (REGISTERED.known(signerId).isPresent()) {
            return false;
        }
        return jdbc.sql("select count(*) from approver where signer_id = ? and recipient_id <> ? and status = 2 "
                        + "and notify_type <> 'none' and not dynamic")
                .params(signerId, exceptRecipientId).query(Integer.class).single() > 0;
    }

    /** The contracts of the group this signer signs. */
    public List<String> flowIds(String signerId) {
        // known only for a signer this transaction registered: what a read finds is not remembered, since
        // being remembered here is what lets lock and hasAnnouncedTurn skip the database
        return REGISTERED.known(signerId).orElseGet(() -> jdbc.sql(
                "select flow_id from approver where signer_id = ? order by flow_id").param(signerId).query(String.class)
                .list());
    }
}
