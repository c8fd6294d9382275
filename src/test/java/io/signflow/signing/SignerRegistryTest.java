package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.ApproverRecords;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.support.AdjustableClock;
import io.signflow.support.MigratedDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A signer registered by the running transaction is answered without the database; any other signer
 * is always asked for, even after the transaction has read their contracts.
 */
class SignerRegistryTest {

    private static final int PERSON = 1;

    private final MigratedDatabase database = new MigratedDatabase();
    private final JdbcTemplate batch = database.batch();
    private final SignerRegistry registry = new SignerRegistry(database.jdbc(), batch,
            new ApproverRecords(database.jdbc()), AdjustableClock.at(Instant.parse("2026-03-01T08:00:00Z")));

    @Test
    void readingASignersContractsDoesNotMakeThemLookNewlyRegistered() {
        String group = database.group(database.organization());
        String flow = database.flow(group, false, FlowStatus.TO_SIGN);
        String announced = database.approver(flow, PERSON, false, ApproveStatus.TO_SIGN);
        String next = database.approver(flow, PERSON, false, ApproveStatus.NOT_REACHED);
        String signer = database.signer(group);
        database.jdbc().sql("update approver set signer_id = ? where recipient_id in (?, ?)")
                .params(signer, announced, next).update();

        database.transaction().executeWithoutResult(status -> {
            assertThat(registry.flowIds(signer)).containsExactly(flow, flow);
            assertThat(registry.hasAnnouncedTurn(signer, next)).isTrue();
        });
    }
}
