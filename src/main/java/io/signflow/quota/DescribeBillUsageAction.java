package io.signflow.quota;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DescribeBillUsage: the calling organization's contract quota (CloudEnterprise) — Total, Used and
 * Available are the current balance and always add up. With DisplaySubEnterprise, what each
 * sub-organization used (deductions less refunds) between StartTime and EndTime.
 */
@Component
public class DescribeBillUsageAction implements ApiAction<DescribeBillUsageAction.Request> {

    static final List<String> QUOTA_TYPES = List.of("CloudEnterprise", "SingleSignature", "CloudProve",
            "CloudOnlineSign", "ChannelWeCard", "SignFlow", "SignFace", "SignPassword", "SignSMS", "PersonalEssAuth",
            "PersonalThirdAuth", "OrgEssAuth", "FlowNotify", "AuthService", "NoAuthSign");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

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
        LocalDate start = day("StartTime", request.startTime());
        LocalDate end = day("EndTime", request.endTime());
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > 90) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER,
                    "EndTime must be on or after StartTime, at most 90 days later.");
        }
        String type = request.quotaType() == null || request.quotaType().isBlank() ? null : request.quotaType();
        if (type != null && !QUOTA_TYPES.contains(type)) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "QuotaType must be one of " + QUOTA_TYPES + ".");
        }
        if (type != null && !type.equals(QuotaService.QUOTA_TYPE)) {
            // Signflow sells only the contract quota; other kinds have no balance here
            return new Response(List.of(), List.of());
        }
        QuotaBalance balance = quota.balance(caller.organizationId());
        List<SubOrgBillSummary> subOrgs = Boolean.TRUE.equals(request.displaySubEnterprise())
                ? subOrganizationUsage(caller.organizationId(), start, end) : null;
        return new Response(List.of(new OrgBillSummary(balance.total(), balance.used(), balance.available(),
                QuotaService.QUOTA_TYPE)), subOrgs);
    }

    private List<SubOrgBillSummary> subOrganizationUsage(String parentId, LocalDate start, LocalDate end) {
        return jdbc.sql("select o.name, coalesce(sum(case l.entry_type when 'DEDUCT' then l.units "
                        + "when 'REFUND' then -l.units else 0 end), 0) as used "
                        + "from organization o left join quota_ledger l on l.organization_id = o.id "
                        + "and l.created_at >= ? and l.created_at < ? "
                        + "where o.parent_id = ? group by o.name order by o.name")
                .params(start.atStartOfDay().atOffset(ZoneOffset.UTC), end.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                        parentId)
                .query((rs, n) -> new SubOrgBillSummary(rs.getString(1),
                        List.of(new SubOrgBillUsage(rs.getLong(2), QuotaService.QUOTA_TYPE))))
                .list();
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, field + " must be a day written yyyymmdd.");
        }
    }
}
