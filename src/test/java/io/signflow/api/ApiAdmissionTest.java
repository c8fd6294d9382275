package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiAdmissionTest {

    /** 2 creations and 3 other requests per node, 1 creation and 2 others per organization. */
    private final ApiAdmission admission = new ApiAdmission(
            new ApiRateLimiter(new ApiProperties(1000, Map.of("CreateFlowGroupByFiles", 1000), null, null)),
            new AdmissionProperties(2, 3, 1, 2, Duration.ZERO));

    private static final ApiAction<Object> CREATE = action("CreateFlowGroupByFiles", true);
    private static final ApiAction<Object> READ = action("DescribeFlowInfo", false);

    @Test
    void aCreationBeyondTheNodesBoundIsRefusedAtOnceWhileReadsAreStillAdmitted() {
        ApiAdmission.Permit first = admission.admit("org-a", CREATE);
        admission.admit("org-b", CREATE);

        long started = System.nanoTime();
        assertThatThrownBy(() -> admission.admit("org-c", CREATE))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("RequestLimitExceeded");
                    assertThat(e.getMessage()).contains("2 creating requests").contains("try again");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(50));
        admission.admit("org-c", READ).close();

        first.close();
        admission.admit("org-c", CREATE);
    }

    @Test
    void anOrganizationAtItsBoundIsRefusedWithoutTakingAPlaceOthersNeed() {
        admission.admit("org-a", CREATE);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> admission.admit("org-a", CREATE))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo("RequestLimitExceeded");
                        assertThat(e.getMessage()).startsWith("Your organization already has 1 creating");
                    });
        }
        // the refusals took none of the node's two places
        admission.admit("org-b", CREATE);
    }

    @Test
    void aRefusalByTheNodeGivesTheOrganizationsPlaceBack() {
        admission.admit("org-a", READ);
        admission.admit("org-b", READ);
        admission.admit("org-c", READ);

        assertThatThrownBy(() -> admission.admit("org-d", READ)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> admission.admit("org-d", READ)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> admission.admit("org-d", READ))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .startsWith("The service already has 3 requests"));
    }

    @Test
    void theRateLimitStillApplies() {
        ApiAdmission limited = new ApiAdmission(
                new ApiRateLimiter(new ApiProperties(1, Map.of(), null, null)), new AdmissionProperties(9, 9, 9, 9, Duration.ZERO));

        limited.admit("org-a", READ).close();
        assertThatThrownBy(() -> limited.admit("org-a", READ))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("per second"));
    }

    private static ApiAction<Object> action(String name, boolean creates) {
        return new ApiAction<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Class<Object> requestType() {
                return Object.class;
            }

            @Override
            public Object handle(ApiCaller caller, Object request) {
                return null;
            }

            @Override
            public boolean creates() {
                return creates;
            }
        };
    }
}
