package io.signflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuditChainHashTest {

    /** Every stored chain was hashed with this encoding; the expected value was computed apart from this class. */
    @Test
    void encodesTheTimeAsSecondsAndSixDigitsOfMicroseconds() {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 7_000, ZoneOffset.UTC);

        String hash = AuditChainHash.of(AuditChainHash.GENESIS, "g1", "f1", "SIGNED", "platform", null, null, "sealed", at);

        assertThat(hash).isEqualTo("d25cc0a8a731482288ad31dbbfaf1281e324030daa6d0855bc4b73cd83aabdf3");
    }
}
