package io.signflow.quota;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.tenant.Agent;
import io.signflow.tenant.Organization;
import io.signflow.tenant.OrganizationRepository;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DescribeBillUsageDetail: every deduction (CostType 1) and refund (CostType 2) of the contract quota
 * between StartTime and EndTime, newest first, with the contract it was for. Evidence reports'
 * CloudProve charges are not listed here (they are for a report, not a contract); DescribeBillUsage
 * counts them. The calling
 * organization's by default; with Agent.ProxyOrganizationId one of its sub-organizations'.
 */
@Component
class DescribeBillUsageDetailAction implements ApiAction<DescribeBillUsageDetailAction.Request> {

    static final int MAX_LIMIT = 50;
    static final int MAX_DAYS = 31;
    /** Auto-signers sign at creation; a contract only they signed is refunded too. */
    static final String REFUND_REMARK = "refunded: contract cancelled before any person signed";
    private final JdbcClient jdbc;
    private final OrganizationRepository organizations;

    public DescribeBillUsageDetailAction(JdbcClient jdbc, OrganizationRepository organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    public record Request(@NotNull String startTime, @NotNull String endTime, Long offset, Long limit, String quotaType,
                          Agent agent) {
    }

    public record Response(long total, List<BillUsageDetail> details) {
    }

    public record BillUsageDetail(String flowId, String operatorName, String createOrganizationName, String flowName,
                                  long status, String quotaType, long useCount, long costTime, String quotaName,
                                  long costType, String remark) {
    }

    @Override
    public String name() {
        return "DescribeBillUsageDetail";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional(readOnly = true)
    public Object handle(ApiCaller caller, Request request) {
        BillingPeriod period = BillingPeriod.of(request.startTime(), request.endTime(), MAX_DAYS);
        long offset = request.offset() == null ? 0 : request.offset();
        long limit = request.limit() == null ? MAX_LIMIT : request.limit();
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "Offset must be 0 or more and Limit 1 to " + MAX_LIMIT + ".");
        }
        if (!QuotaTypes.selected(request.quotaType()).contains(QuotaService.QUOTA_TYPE)) {
            return new Response(0, List.of());
        }
        String organizationId = organization(caller, request.agent());
        var from = period.from();
        var to = period.until();
        String where = " from quota_ledger l where l.organization_id = ? and l.entry_type in ('DEDUCT', 'REFUND') "
                + "and l.quota_type = '" + QuotaService.QUOTA_TYPE + "' "
                + "and l.created_at >= ? and l.created_at < ?";
        long total = jdbc.sql("select count(*)" + where).params(organizationId, from, to).query(Long.class).single();
        List<BillUsageDetail> details = jdbc.sql("select l.flow_id, e.name as operator_name, o.name as organization_name, "
                        + "f.name as flow_name, f.status, l.entry_type, l.units, l.created_at"
                        + where.replace(" from quota_ledger l", " from quota_ledger l left join flow f on f.id = l.flow_id "
                        + "left join flow_group g on g.id = f.group_id left join employee e on e.id = g.operator_user_id "
                        + "left join organization o on o.id = l.organization_id")
                        + " order by l.created_at desc, l.id desc limit ? offset ?")
                .params(organizationId, from, to, limit, offset)
                .query((rs, n) -> {
                    boolean refund = rs.getString("entry_type").equals("REFUND");
                    return new BillUsageDetail(rs.getString("flow_id"), rs.getString("operator_name"),
                            rs.getString("organization_name"), rs.getString("flow_name"), rs.getLong("status"),
                            QuotaService.QUOTA_TYPE, rs.getLong("units"),
                            rs.getObject("created_at", java.time.OffsetDateTime.class).toEpochSecond(), "企业版合同",
                            refund ? 2 : 1, refund ? REFUND_REMARK : "contract created");
                })
                .list();
        return new Response(total, details);
    }

    private String organization(ApiCaller caller, Agent agent) {
        if (agent == null || !agent.proxies() || agent.proxyOrganizationId().equals(caller.organizationId())) {
            return caller.organizationId();
        }
        return organizations.find(agent.proxyOrganizationId())
                .filter(org -> caller.organizationId().equals(org.parentId())).map(Organization::id)
                .orElseThrow(() -> new ApiException(ErrorCodes.ORGANIZATION_NOT_FOUND,
                        "Agent.ProxyOrganizationId is not a sub-organization of the caller."));
    }
}
