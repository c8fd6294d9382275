package io.signflow.quota;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The StartTime and EndTime of DescribeBillUsage and DescribeBillUsageDetail: whole days written
 * yyyymmdd (UTC), the end on or after the start and at most {@code maxDays} later, both included.
 */
record BillingPeriod(LocalDate start, LocalDate end) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    static BillingPeriod of(String startTime, String endTime, int maxDays) {
        LocalDate start = day("StartTime", startTime);
        LocalDate end = day("EndTime", endTime);
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > maxDays) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER,
                    "EndTime must be on or after StartTime, at most " + maxDays + " days later.");
        }
        return new BillingPeriod(start, end);
    }

    /** The first instant of the period. */
    OffsetDateTime from() {
        return start.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The first instant after the period. */
    OffsetDateTime until() {
        return end.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, field + " must be a day written yyyymmdd.");
        }
    }
}
