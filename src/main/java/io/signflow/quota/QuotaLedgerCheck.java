package io.signflow.quota;

import io.signflow.common.Rows;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Proves the balances and the ledger agree: for every organization and kind of quota, total = the
 * units bought and used = deductions less refunds. Lists any organization where they do not (there should be none);
 * operators run it as GET /admin/quota/ledger-check.
 */
@Component
class QuotaLedgerCheck {

    private final JdbcClient jdbc;

    public QuotaLedgerCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Mismatch(String organizationId, String quotaType, long total, long used, long bought, long charged) {
    }

    public record Result(long organizations, List<Mismatch> mismatches) {
    }

    public Result check() {
        List<Mismatch> mismatches = jdbc.sql("select a.organization_id, a.quota_type, a.total, a.used, "
                        + "coalesce(sum(case when l.entry_type = 'TOPUP' then l.units end), 0) as bought, "
                        + "coalesce(sum(case when l.entry_type = 'DEDUCT' then l.units "
                        + "when l.entry_type = 'REFUND' then -l.units end), 0) as charged "
                        + "from quota_account a left join quota_ledger l on l.organization_id = a.organization_id "
                        + "and l.quota_type = a.quota_type "
                        + "group by a.organization_id, a.quota_type, a.total, a.used")
                .query(Rows.of(Mismatch.class)).list().stream()
                .filter(m -> m.total() != m.bought() || m.used() != m.charged()).toList();
        long organizations = jdbc.sql("select count(distinct organization_id) from quota_account").query(Long.class).single();
        return new Result(organizations, mismatches);
    }
}
