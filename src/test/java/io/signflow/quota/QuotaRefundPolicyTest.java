package io.signflow.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.flowgroup.FlowStatus;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference's refund rule (2.1), status by status, each with the signatures a contract in that
 * status can have: the status is the one the contract had when CancelFlow came.
 */
class QuotaRefundPolicyTest {

    @ParameterizedTest(name = "cancelled in status {0}, person signed {1} -> {2}")
    @CsvSource({
            // what CancelFlow cancels: a contract still waiting for dynamic signers (auto-signers may have
            // signed), one that no person has signed, one that a person has
            "0, false, true",
            "1, false, true",
            "2, true, false",
            // what has ended keeps its unit; CancelFlow refuses these before the policy is asked
            "3, false, false",
            "3, true, false",
            "4, true, false",
            "5, false, false",
            "5, true, false",
            "6, false, false",
            "6, true, false",
            // ESS's other endings, which Signflow does not reach
            "10, false, false",
            "16, false, false",
            "21, false, false"
    })
    void onlyAContractNoPersonSignedIsRefunded(int status, boolean personSigned, boolean expected) {
        assertThat(QuotaRefundPolicy.refunds(status, personSigned, false, 0, 10)).isEqualTo(expected);
    }

    @Test
    void theTableNamesEveryFlowStatus() throws Exception {
        Set<Integer> statuses = Arrays.stream(FlowStatus.class.getFields())
                .filter(f -> f.getType() == int.class).map(f -> {
                    try {
                        return f.getInt(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.toSet());
        assertThat(statuses).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 10, 16, 21);
    }

    @ParameterizedTest(name = "refunded before {0}, refunds {1} of {2} bought -> {3}")
    @CsvSource({
            // once per contract
            "true, 0, 10, false",
            // the free-cancel allowance is as many refunds as units bought
            "false, 9, 10, true",
            "false, 10, 10, false",
            "false, 0, 0, false"
    })
    void aContractIsRefundedOnceAndAnOrganizationNoMoreThanItBought(boolean refundedBefore, long refunds, long bought,
                                                                   boolean expected) {
        assertThat(QuotaRefundPolicy.refunds(FlowStatus.TO_SIGN, false, refundedBefore, refunds, bought))
                .isEqualTo(expected);
    }
}
