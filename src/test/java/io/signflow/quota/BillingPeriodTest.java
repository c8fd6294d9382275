package io.signflow.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The days a bill-usage request covers. */
class BillingPeriodTest {

    @Test
    void bothDaysAreIncludedInUtc() {
        BillingPeriod period = BillingPeriod.of("20260130", "20260201", 31);
        assertThat(period.from()).isEqualTo(OffsetDateTime.of(2026, 1, 30, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(period.until()).isEqualTo(OffsetDateTime.of(2026, 2, 2, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(BillingPeriod.of("20260101", "20260201", 31).end()).hasDayOfMonth(1);
    }

    @ParameterizedTest(name = "{0} to {1} within {2} days")
    @CsvSource({"2026-01-01, 20260131, 31", "20260101, 20260132, 31", "20260201, 20260131, 31",
            "20260101, 20260202, 31", "20260101, 20260402, 90"})
    void aBadDayOrSpanIsInvalidParameter(String start, String end, int maxDays) {
        assertThatThrownBy(() -> BillingPeriod.of(start, end, maxDays)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_PARAMETER));
    }
}
