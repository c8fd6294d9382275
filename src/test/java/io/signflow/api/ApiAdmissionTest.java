package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiAdmissionTest {

    /**
     * 2 creations and 3 other requests per node, 1 creation and 2 others per organization; 1 creation per
     * node while more than 10 jobs are due.
     */
    private final ApiAdmission admission = new ApiAdmission(
            new ApiRateLimiter(new ApiProperties(1000, Map.of("CreateFlowGroupByFiles", 1000), null, null)),
            new AdmissionProperties(2, 3, 1, 2, Duration.ZERO, 10, 1));

    private static final ApiAction<Object> CREATE = action("CreateFlowGroupByFiles", true);
    private static final ApiAction<Object> READ = action("DescribeFlowInfo", false);

    @Test
    void aCreationBeyondTheNodesBoundIsRefusedAtOnceWhileReadsAreStillAdmitted() {
        ApiAdmission.Permit first = admit("org-a", CREATE);
        admit("org-b", CREATE);

        long started = System.nanoTime();
        assertThatThrownBy(() -> admit("org-c", CREATE))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("RequestLimitExceeded");
                    assertThat(e.getMessage()).contains("2 creating requests").contains("try again");
                });
        // no wait for a place (a connection would have been waited for up to 5 s); a second is the busy machine's margin
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        admit("org-c", READ).close();

        first.close();
        admit("org-c", CREATE);
    }

    @Test
    void aRequestNamingNoActionIsCountedWithTheOthers() {
        admission.admitToNode(null);
        admission.admitToNode(null);
        admission.admitToNode(null);

        assertThatThrownBy(() -> admission.admitToNode(READ)).isInstanceOf(ApiException.class);
        admission.admitToNode(CREATE);
    }

    @Test
    void anOrganizationAtItsBoundIsRefusedWithoutTakingAPlaceOthersNeed() {
        admit("org-a", CREATE);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> admit("org-a", CREATE))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo("RequestLimitExceeded");
                        assertThat(e.getMessage()).startsWith("Your organization already has 1 creating");
                    });
        }
        // the refusals kept none of the node's two places
        admit("org-b", CREATE);
        assertThatThrownBy(() -> admit("org-c", CREATE))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .startsWith("The service already has 2 creating"));
    }

    @Test
    void whileTheBacklogIsAboveItsBoundCreationsTakeTheSmallerBoundAndGetTheirsBackWhenItIsWorkedOff() {
        admission.dueJobs(11);
        ApiAdmission.Permit first = admit("org-a", CREATE);

        long started = System.nanoTime();
        assertThatThrownBy(() -> admit("org-b", CREATE))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("RequestLimitExceeded");
                    assertThat(e.getMessage()).startsWith("Contracts already created are being finished first")
                            .contains("takes 1 creating requests").endsWith("try again shortly.");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(admission.nodeCreatingBound()).isEqualTo(1);
        // reads are not held back by the backlog
        admit("org-b", READ);
        admit("org-b", READ);

        // the refusal kept no place: with the backlog worked off, the node's two places are there again
        admission.dueJobs(10);
        assertThat(admission.nodeCreatingBound()).isEqualTo(2);
        admit("org-b", CREATE);
        assertThatThrownBy(() -> admit("org-c", CREATE))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .startsWith("The service already has 2 creating"));

        // a creation admitted while behind gave its place back to both bounds
        first.close();
        admission.dueJobs(11);
        admit("org-c", CREATE);
    }

    @Test
    void creationsAdmittedBeforeTheBacklogGrewCountAgainstTheNodesBoundOnly() {
        ApiAdmission.Permit before = admit("org-a", CREATE);
        admission.dueJobs(50);

        ApiAdmission.Permit behind = admit("org-b", CREATE);
        assertThatThrownBy(() -> admit("org-c", CREATE)).isInstanceOf(ApiException.class);

        behind.close();
        admit("org-c", CREATE);
        before.close();
        assertThatThrownBy(() -> admit("org-d", CREATE))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .startsWith("Contracts already created are being finished first"));
    }

    @Test
    void theRateLimitStillApplies() {
        ApiAdmission limited = new ApiAdmission(
                new ApiRateLimiter(new ApiProperties(1, Map.of(), null, null)), new AdmissionProperties(9, 9, 9, 9, Duration.ZERO, 10, 1));

        limited.admitOrganization("org-a", READ).close();
        assertThatThrownBy(() -> limited.admitOrganization("org-a", READ))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("per second"));
    }

    /** A request's way through admission, as the gateway takes it: the node, then the organization. */
    private ApiAdmission.Permit admit(String organizationId, ApiAction<?> action) {
        ApiAdmission.Permit node = admission.admitToNode(action);
        try {
            ApiAdmission.Permit organization = admission.admitOrganization(organizationId, action);
            return () -> {
                organization.close();
                node.close();
            };
        } catch (ApiException refused) {
            node.close();
            throw refused;
        }
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
