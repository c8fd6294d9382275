package io.signflow.quota;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DescribeBillUsage: the contract quota (CloudEnterprise) of the API key's organization — the request
 * names no operator (docs/decisions.md) — Total, Used and Available as they stand now. With
 * DisplaySubEnterprise, what each sub-organization used (deductions less refunds) between StartTime
 * and EndTime.
 */
@Component
class DescribeBillUsageAction implements ApiAction<DescribeBillUsageAction.Request> {

    static final int MAX_DAYS = 90;

    private final QuotaService quota;
    private final JdbcClient jdbc;

    public DescribeBillUsageAction(QuotaService quota, JdbcClient jdbc) {
        this.quota = quota;
        this.jdbc = jdbc;
    }

    public record Request(@NotNull String startTime, @NotNull String endTime, String quotaType,
                          Boolean displaySubEnterprise) {
    }

    public record Response(List<OrgBillSummary> summary, List<SubOrgBillSummary> subOrgSummary) {
    }

    public record OrgBillSummary(long total, long used, long available, String quotaType) {
    }

    public record SubOrgBillSummary(String organizationName, List<SubOrgBillUsage> usage) {
    }

    public record SubOrgBillUsage(long used, String quotaType) {
    }

    @Override
    public String name() {
        return "DescribeBillUsage";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional(readOnly = true)
    public Object handle(ApiCaller caller, Request request) {
        BillingPeriod period = BillingPeriod.of(request.startTime(), request.endTime(), MAX_DAYS);
        if (!QuotaTypes.coversContractQuota(request.quotaType())) {
            return new Response(List.of(), List.of());
        }
        QuotaBalance balance = quota.balance(caller.organizationId());
        List<SubOrgBillSummary> subOrgs = Boolean.TRUE.equals(request.displaySubEnterprise())
                ? subOrganizationUsage(caller.organizationId(), period) : null;
        return new Response(List.of(new OrgBillSummary(balance.total(), balance.used(), balance.available(),
                QuotaService.QUOTA_TYPE)), subOrgs);
    }

    private List<SubOrgBillSummary> subOrganizationUsage(String parentId, BillingPeriod period) {
        return jdbc.sql("select o.name, coalesce(sum(case l.entry_type when 'DEDUCT' then l.units "
                        + "when 'REFUND' then -l.units else 0 end), 0) as used "
                        + "from organization o left join quota_ledger l on l.organization_id = o.id "
                        + "and l.created_at >= ? and l.created_at < ? "
                        + "where o.parent_id = ? group by o.name order by o.name")
                .params(period.from(), period.until(), parentId)
                .query((rs, n) -> new SubOrgBillSummary(rs.getString(1),
                        List.of(new SubOrgBillUsage(rs.getLong(2), QuotaService.QUOTA_TYPE))))
                .list();
    }
}
