package io.signflow.quota;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's refund rule (2.1), status by status. */
class QuotaRefundPolicyTest {

    @ParameterizedTest(name = "status {0}, person signed {1}, refunded before {2}, refunds {3} of {4} bought -> {5}")
    @CsvSource({
            // only a cancellation refunds, and only when no person signed (auto-signers do not count)
            "0, false, false, 0, 10, false",
            "1, false, false, 0, 10, false",
            "2, true, false, 0, 10, false",
            "3, false, false, 0, 10, false",
            "4, true, false, 0, 10, false",
            "5, false, false, 0, 10, false",
            "5, true, false, 0, 10, false",
            "6, false, false, 0, 10, true",
            "6, true, false, 0, 10, false",
            "10, false, false, 0, 10, false",
            "16, false, false, 0, 10, false",
            "21, false, false, 0, 10, false",
            // once per contract
            "6, false, true, 0, 10, false",
            // the free-cancel allowance is as many refunds as units bought
            "6, false, false, 9, 10, true",
            "6, false, false, 10, 10, false"
    })
    void refundsExactlyWhenTheReferenceSays(int status, boolean personSigned, boolean refundedBefore, long refunds,
                                            long bought, boolean expected) {
        assertThat(QuotaRefundPolicy.refunds(status, personSigned, refundedBefore, refunds, bought)).isEqualTo(expected);
    }

}
