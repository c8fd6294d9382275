package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which rate limit an action gets: its own setting, else the reference's, else the default. */
class ApiPropertiesTest {

    private static ApiProperties properties(int perSecond, Map<String, Integer> perAction) {
        return new ApiProperties(perSecond, perAction, DataSize.ofMegabytes(10), Duration.ofSeconds(300));
    }

    @Test
    void theReferenceLimitsApplyUnlessAnActionIsConfigured() {
        ApiProperties defaults = properties(20, Map.of());
        assertThat(defaults.rateLimitFor("DescribeFlowBriefs")).isEqualTo(300);
        assertThat(defaults.rateLimitFor("DescribeBillUsage")).isEqualTo(50);
        assertThat(defaults.rateLimitFor("DescribeBillUsageDetail")).isEqualTo(20);
        assertThat(defaults.rateLimitFor("CreateFlowGroupByFiles")).isEqualTo(20);
        assertThat(defaults.rateLimitFor("CancelFlow")).isEqualTo(20);

        ApiProperties tuned = properties(100, Map.of("DescribeFlowBriefs", 40));
        assertThat(tuned.rateLimitFor("DescribeFlowBriefs")).isEqualTo(40);
        assertThat(tuned.rateLimitFor("DescribeBillUsage")).isEqualTo(50);
        assertThat(tuned.rateLimitFor("CancelFlow")).isEqualTo(100);
        // a limit set through the environment arrives with its action's name in lower case
        assertThat(properties(20, Map.of("describebillusage", 7)).rateLimitFor("DescribeBillUsage")).isEqualTo(7);
    }
}
