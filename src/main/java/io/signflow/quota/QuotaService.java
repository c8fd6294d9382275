package io.signflow.quota;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Rows;
import io.signflow.common.TransactionBatch;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The quota accounts, one per organization and kind. The contract quota (CloudEnterprise): one unit
 * per sub-contract, deducted when a group is created and refunded when a contract is cancelled before
 * any person signed. The evidence-report quota (CloudProve): units per report, deducted when it is
 * requested. A deduction is one conditional UPDATE, so concurrent requests can never spend more than
 * the account holds; each change writes its ledger row in the caller's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class QuotaService {

    public static final String QUOTA_TYPE = "CloudEnterprise";
    public static final String EVIDENCE_QUOTA_TYPE = "CloudProve";
    private final JdbcClient jdbc;
    private final TransactionBatch deductions;

    public QuotaService(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        // written at the commit with the transaction's other waiting rows (the audit trail), in one round trip
        this.deductions = TransactionBatch.untilCommit("quota_ledger.deduct", batch, "insert into quota_ledger "
                + "(organization_id, entry_type, units, flow_id, operator_user_id, created_at) values (?, 'DEDUCT', 1, ?, ?, ?)");
    }

    /** Opens the organization's accounts of every kind offered; {@code initialUnits} of contract quota. */
    public void openAccount(String organizationId, long initialUnits) {
        for (String quotaType : QuotaTypes.OFFERED) {
            jdbc.sql("insert into quota_account (organization_id, quota_type, total, used) values (?, ?, 0, 0)")
                    .params(organizationId, quotaType).update();
        }
        if (initialUnits > 0) {
            topUp(organizationId, initialUnits);
        }
    }

    public QuotaBalance topUp(String organizationId, long units) {
        return topUp(organizationId, QUOTA_TYPE, units);
    }

    public QuotaBalance topUp(String organizationId, String quotaType, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("A top-up adds at least one unit");
        }
        jdbc.sql("update quota_account set total = total + ? where organization_id = ? and quota_type = ?")
                .params(units, organizationId, quotaType).update();
        record(organizationId, quotaType, "TOPUP", units, null, null);
        return balance(organizationId, quotaType);
    }

    /**
     * Charges one unit for each flow, all or nothing, just before the transaction commits: the ledger's
     * rows, then a conditional UPDATE that cannot overspend, which refuses with OperationDenied.NoQuota
     * when the balance is short, so that the whole transaction rolls back. The balance is not read
     * before, to spare every creation that can pay a round trip; a request that cannot pay does its
     * work before it is refused. The account row is locked from that UPDATE to the commit, so an
     * organization's concurrent creations queue for the length of a commit rather than for the rest of
     * each other's requests. A caller that must refuse before writing anything checks
     * {@link #requireAvailable} first.
     */
    public void deduct(String organizationId, List<String> flowIds, String operatorUserId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        deductions.add(flowIds.stream().map(flowId -> new Object[] {organizationId, flowId, operatorUserId, now}).toList());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                charge(organizationId, flowIds.size());
            }
        });
    }

    /**
     * OperationDenied.NoQuota unless the contract quota holds {@code units} now; charges nothing. The
     * refusal leaves the caller's transaction usable, for a caller that answers it and goes on (a
     * calling process catching it as a BPMN error).
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = ApiException.class)
    public void requireAvailable(String organizationId, int units) {
        QuotaBalance balance = balance(organizationId);
        if (balance.available() < units) {
            throw noQuota(units, balance);
        }
    }

    private void charge(String organizationId, int units) {
        if (!spend(organizationId, QUOTA_TYPE, units)) {
            throw noQuota(units, balance(organizationId));
        }
    }

    /**
     * Charges an evidence report's units of CloudProve quota at once, or refuses with
     * OperationDenied.NoQuota. The ledger's unique report id makes a second charge for one report fail.
     */
    public void deductEvidenceReport(String organizationId, String reportId, int units, String operatorUserId) {
        if (!spend(organizationId, EVIDENCE_QUOTA_TYPE, units)) {
            throw new ApiException(ErrorCodes.NO_QUOTA, "This evidence report needs " + units + " unit(s) of "
                    + EVIDENCE_QUOTA_TYPE + " quota; " + balance(organizationId, EVIDENCE_QUOTA_TYPE).available()
                    + " are available.");
        }
        jdbc.sql("insert into quota_ledger (organization_id, quota_type, entry_type, units, report_id, operator_user_id, "
                        + "created_at) values (?, ?, 'DEDUCT', ?, ?, ?, ?)")
                .params(organizationId, EVIDENCE_QUOTA_TYPE, units, reportId, operatorUserId,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** The conditional UPDATE that cannot overspend: false when the account holds fewer units. */
    private boolean spend(String organizationId, String quotaType, int units) {
        return jdbc.sql("update quota_account set used = used + :units "
                        + "where organization_id = :org and quota_type = :type and total - used >= :units")
                .param("units", units).param("org", organizationId).param("type", quotaType).update() > 0;
    }

    private static ApiException noQuota(int units, QuotaBalance balance) {
        return new ApiException(ErrorCodes.NO_QUOTA, "Creating " + units + " contracts needs " + units
                + " units of contract quota; " + balance.available() + " are available.");
    }

    /**
     * Gives back the unit a flow being cancelled was charged, if {@link QuotaRefundPolicy} allows. The
     * caller holds the flow's lock, so two cancellations of one flow cannot both refund; the account
     * row is locked before the allowance is read, so cancellations of several of an organization's
     * flows take their turns and cannot together exceed it. Returns whether it refunded.
     */
    public boolean refundIfAllowed(String organizationId, String flowId, int statusWhenCancelled,
                                   boolean personSigned) {
        deductions.flush();
        jdbc.sql("select used from quota_account where organization_id = ? and quota_type = ? for update")
                .params(organizationId, QUOTA_TYPE).query(Long.class).single();
        boolean charged = count("select count(*) from quota_ledger where flow_id = ? and entry_type = 'DEDUCT'", flowId) > 0;
        boolean refunded = count("select count(*) from quota_ledger where flow_id = ? and entry_type = 'REFUND'", flowId) > 0;
        long refundsSoFar = jdbc.sql("select coalesce(sum(units), 0) from quota_ledger where organization_id = ? "
                + "and quota_type = ? and entry_type = 'REFUND'").params(organizationId, QUOTA_TYPE).query(Long.class).single();
        long bought = jdbc.sql("select coalesce(sum(units), 0) from quota_ledger where organization_id = ? "
                + "and quota_type = ? and entry_type = 'TOPUP'").params(organizationId, QUOTA_TYPE).query(Long.class).single();
        if (!charged || !QuotaRefundPolicy.refunds(statusWhenCancelled, personSigned, refunded, refundsSoFar, bought)) {
            return false;
        }
        jdbc.sql("update quota_account set used = used - 1 where organization_id = ? and quota_type = ?")
                .params(organizationId, QUOTA_TYPE).update();
        record(organizationId, QUOTA_TYPE, "REFUND", 1, flowId, null);
        return true;
    }

    private int count(String sql, String flowId) {
        return jdbc.sql(sql).param(flowId).query(Integer.class).single();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public QuotaBalance balance(String organizationId) {
        return balance(organizationId, QUOTA_TYPE);
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public QuotaBalance balance(String organizationId, String quotaType) {
        return jdbc.sql("select total, used from quota_account where organization_id = ? and quota_type = ?")
                .params(organizationId, quotaType).query(Rows.of(QuotaBalance.class)).optional().orElse(new QuotaBalance(0, 0));
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean accountExists(String organizationId) {
        return jdbc.sql("select count(*) from quota_account where organization_id = ? and quota_type = ?")
                .params(organizationId, QUOTA_TYPE)
                .query(Integer.class).single() > 0;
    }

    private void record(String organizationId, String quotaType, String type, long units, String flowId,
                        String operatorUserId) {
        jdbc.sql("insert into quota_ledger (organization_id, quota_type, entry_type, units, flow_id, operator_user_id, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(organizationId, quotaType, type, units, flowId, operatorUserId, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }
}
