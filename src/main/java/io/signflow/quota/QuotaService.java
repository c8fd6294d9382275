package io.signflow.quota;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
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
 * The contract quota: one unit per sub-contract, deducted when a group is created and refunded when
 * a contract is cancelled before any person signed. A deduction is one conditional UPDATE, so
 * concurrent creations can never spend more than the account holds; each change writes its ledger
 * row in the caller's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class QuotaService {

    public static final String QUOTA_TYPE = "CloudEnterprise";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public QuotaService(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void openAccount(String organizationId, long initialUnits) {
        jdbc.sql("insert into quota_account (organization_id, total, used) values (?, 0, 0)")
                .param(organizationId).update();
        if (initialUnits > 0) {
            topUp(organizationId, initialUnits);
        }
    }

    public QuotaBalance topUp(String organizationId, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("A top-up adds at least one unit");
        }
        jdbc.sql("update quota_account set total = total + ? where organization_id = ?")
                .params(units, organizationId).update();
        record(organizationId, "TOPUP", units, null, null);
        return balance(organizationId);
    }

    /**
     * Charges one unit for each flow, all or nothing. The balance is checked now, so a request that
     * cannot pay fails at this step; the charge itself, a conditional UPDATE that cannot overspend,
     * runs just before the transaction commits. The account row is locked from that UPDATE to the
     * commit, so an organization's concurrent creations queue for the length of a commit rather than
     * for the rest of each other's requests.
     */
    public void deduct(String organizationId, List<String> flowIds, String operatorUserId) {
        int units = flowIds.size();
        QuotaBalance balance = balance(organizationId);
        if (balance.available() < units) {
            throw noQuota(units, balance);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                charge(organizationId, flowIds, operatorUserId);
            }
        });
    }

    private void charge(String organizationId, List<String> flowIds, String operatorUserId) {
        int units = flowIds.size();
        int updated = jdbc.sql("update quota_account set used = used + :units "
                        + "where organization_id = :org and total - used >= :units")
                .param("units", units).param("org", organizationId).update();
        if (updated == 0) {
            throw noQuota(units, balance(organizationId));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        batch.batchUpdate("insert into quota_ledger (organization_id, entry_type, units, flow_id, operator_user_id, "
                        + "created_at) values (?, 'DEDUCT', 1, ?, ?, ?)",
                flowIds.stream().map(flowId -> new Object[] {organizationId, flowId, operatorUserId, now}).toList());
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
        jdbc.sql("select used from quota_account where organization_id = ? for update").param(organizationId)
                .query(Long.class).single();
        boolean charged = count("select count(*) from quota_ledger where flow_id = ? and entry_type = 'DEDUCT'", flowId) > 0;
        boolean refunded = count("select count(*) from quota_ledger where flow_id = ? and entry_type = 'REFUND'", flowId) > 0;
        long refundsSoFar = jdbc.sql("select coalesce(sum(units), 0) from quota_ledger where organization_id = ? "
                + "and entry_type = 'REFUND'").param(organizationId).query(Long.class).single();
        long bought = jdbc.sql("select coalesce(sum(units), 0) from quota_ledger where organization_id = ? "
                + "and entry_type = 'TOPUP'").param(organizationId).query(Long.class).single();
        if (!charged || !QuotaRefundPolicy.refunds(statusWhenCancelled, personSigned, refunded, refundsSoFar, bought)) {
            return false;
        }
        jdbc.sql("update quota_account set used = used - 1 where organization_id = ?").param(organizationId).update();
        record(organizationId, "REFUND", 1, flowId, null);
        return true;
    }

    private int count(String sql, String flowId) {
        return jdbc.sql(sql).param(flowId).query(Integer.class).single();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public QuotaBalance balance(String organizationId) {
        return jdbc.sql("select total, used from quota_account where organization_id = ?").param(organizationId)
                .query(QuotaBalance.class).optional().orElse(new QuotaBalance(0, 0));
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean accountExists(String organizationId) {
        return jdbc.sql("select count(*) from quota_account where organization_id = ?").param(organizationId)
                .query(Integer.class).single() > 0;
    }

    private void record(String organizationId, String type, long units, String flowId, String operatorUserId) {
        jdbc.sql("insert into quota_ledger (organization_id, entry_type, units, flow_id, operator_user_id, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(organizationId, type, units, flowId, operatorUserId, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }
}
