package io.signflow.quota;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.common.Rows;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DescribeBillUsage: the contract quota (CloudEnterprise) and the evidence-report quota (CloudProve)
 * of the API key's organization — the request names no operator (docs/decisions.md) — Total, Used and
 * Available as they stand now, one Summary per kind (the contract quota first), or only the kind
 * QuotaType names. With DisplaySubEnterprise, what each sub-organization used of each kind
 * (deductions less refunds) between StartTime and EndTime.
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
        List<String> kinds = QuotaTypes.selected(request.quotaType());
        if (kinds.isEmpty()) {
            return new Response(List.of(), List.of());
        }
        List<OrgBillSummary> summary = kinds.stream().map(kind -> {
            QuotaBalance balance = quota.balance(caller.organizationId(), kind);
            return new OrgBillSummary(balance.total(), balance.used(), balance.available(), kind);
        }).toList();
        List<SubOrgBillSummary> subOrgs = Boolean.TRUE.equals(request.displaySubEnterprise())
                ? subOrganizationUsage(caller.organizationId(), period, kinds) : null;
        return new Response(summary, subOrgs);
    }

    /** One sub-organization's use of one kind in the period; the kind is null for one that used nothing. */
    private record Use(String organizationName, String quotaType, long used) {
    }

    private List<SubOrgBillSummary> subOrganizationUsage(String parentId, BillingPeriod period, List<String> kinds) {
        List<Use> uses = jdbc.sql("select o.name as organization_name, l.quota_type, "
                        + "coalesce(sum(case l.entry_type when 'DEDUCT' then l.units "
                        + "when 'REFUND' then -l.units else 0 end), 0) as used "
                        + "from organization o left join quota_ledger l on l.organization_id = o.id "
                        + "and l.created_at >= ? and l.created_at < ? "
                        + "where o.parent_id = ? group by o.name, l.quota_type order by o.name")
                .params(period.from(), period.until(), parentId)
                .query(Rows.of(Use.class)).list();
        Map<String, List<Use>> byOrganization = uses.stream()
                .collect(Collectors.groupingBy(Use::organizationName, LinkedHashMap::new, Collectors.toList()));
        return byOrganization.entrySet().stream()
                .map(org -> new SubOrgBillSummary(org.getKey(), kinds.stream()
                        .map(kind -> new SubOrgBillUsage(org.getValue().stream()
                                .filter(use -> kind.equals(use.quotaType())).mapToLong(Use::used).sum(), kind))
                        .toList()))
                .toList();
    }
}
