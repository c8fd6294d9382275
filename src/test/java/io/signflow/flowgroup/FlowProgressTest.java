package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.support.AdjustableClock;
import io.signflow.support.MigratedDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status machine of contracts and their approvers (docs/status.md): whose turn it is, what a
 * signature, a fill and each way of ending do to FlowStatus and ApproveStatus. On an in-memory H2
 * made by the application's migrations; the transactions and row locks that serialise these changes
 * are the callers' and are not exercised here.
 */
class FlowProgressTest {

    private static final int PERSON = 1;
    private static final int ENTERPRISE = 0;
    private static final int AUTO = 3;
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final MigratedDatabase database = new MigratedDatabase();
    private final FlowProgress progress = new FlowProgress(database.jdbc(), database.batch(), AdjustableClock.at(NOW));
    private final String group = database.group(database.organization());

    private int approverStatus(String recipientId) {
        return database.integer("select status from approver where recipient_id = ?", recipientId);
    }

    private static List<String> ids(List<FlowApprover> approvers) {
        return approvers.stream().map(FlowApprover::recipientId).toList();
    }

    @Test
    void inAnOrderedContractOnlyTheFirstUnsignedSignerIsDueAndOnlyOnce() {
        String flow = database.flow(group, false, FlowStatus.TO_SIGN);
        String first = database.approver(flow, PERSON, false, ApproveStatus.NOT_REACHED);
        String second = database.approver(flow, ENTERPRISE, false, ApproveStatus.NOT_REACHED);

        assertThat(ids(progress.openTurns(flow))).containsExactly(first);
        assertThat(approverStatus(first)).isEqualTo(ApproveStatus.TO_SIGN);
        assertThat(approverStatus(second)).isEqualTo(ApproveStatus.NOT_REACHED);
        assertThat(progress.turnsDue(flow)).as("the first is still signing").isEmpty();

        progress.recordSignatures(List.of(flow), List.of(first));

        assertThat(ids(progress.openTurns(flow))).containsExactly(second);
    }

    @Test
    void inATransactionTheLockAndASignatureAnswerWhatTheContractsStepsAskNext() {
        String ordered = database.flow(group, false, FlowStatus.TO_SIGN);
        String unordered = database.flow(group, true, FlowStatus.PART_SIGNED);
        String signer = database.approver(ordered, PERSON, false, ApproveStatus.TO_SIGN);
        String next = database.approver(ordered, PERSON, false, ApproveStatus.NOT_REACHED);
        String alone = database.approver(unordered, PERSON, false, ApproveStatus.TO_SIGN);

        database.transaction().executeWithoutResult(status -> {
            progress.lock(List.of(unordered, ordered));
            assertThat(progress.status(ordered)).isEqualTo(FlowStatus.TO_SIGN);
            assertThat(progress.status(unordered)).isEqualTo(FlowStatus.PART_SIGNED);
            assertThat(progress.deadline(ordered)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));

            progress.recordSignatures(List.of(ordered, unordered), List.of(signer, alone));

            assertThat(progress.allSigned(unordered)).isTrue();
            assertThat(progress.allSigned(ordered)).isFalse();
            assertThat(ids(progress.turnsDue(ordered))).containsExactly(next);
            assertThat(progress.status(ordered)).isEqualTo(FlowStatus.PART_SIGNED);
        });
    }

    @Test
    void inAnUnorderedContractEveryWaitingSignerIsDueAtOnce() {
        String flow = database.flow(group, true, FlowStatus.TO_SIGN);
        String signed = database.approver(flow, PERSON, false, ApproveStatus.SIGNED);
        String signing = database.approver(flow, PERSON, false, ApproveStatus.TO_SIGN);
        String a = database.approver(flow, PERSON, false, ApproveStatus.NOT_REACHED);
        String b = database.approver(flow, ENTERPRISE, false, ApproveStatus.NOT_REACHED);

        assertThat(ids(progress.turnsDue(flow))).containsExactly(a, b).doesNotContain(signed, signing);
    }

    @Test
    void nobodyIsDueWhileDynamicSignersAreStillToBeNamed() {
        String flow = database.flow(group, true, FlowStatus.AWAITING_FILL);
        database.approver(flow, PERSON, false, ApproveStatus.NOT_REACHED);
        String dynamic = database.approver(flow, ENTERPRISE, true, ApproveStatus.NOT_STARTED);

        assertThat(progress.turnsDue(flow)).isEmpty();
        assertThat(progress.allFilled(flow)).isFalse();

        assertThat(progress.fill(flow, dynamic, "乙方公司", "李四", "13800000002", null, null)).isTrue();
        assertThat(progress.fill(flow, dynamic, "丙方公司", "王五", "13800000003", null, null))
                .as("a signer is named once").isFalse();
        assertThat(progress.allFilled(flow)).isTrue();
        progress.startSigning(flow);

        assertThat(progress.status(flow)).isEqualTo(FlowStatus.TO_SIGN);
        assertThat(progress.turnsDue(flow)).hasSize(2);
        assertThat(progress.approvers(flow).get(1).name()).isEqualTo("李四");
    }

    @Test
    void autoSignersAreSignedAtOnceAndTheFirstPersonsSignatureMakesTheContractPartlySigned() {
        String flow = database.flow(group, false, FlowStatus.TO_SIGN);
        String auto = database.approver(flow, AUTO, false, ApproveStatus.NOT_REACHED);
        String person = database.approver(flow, PERSON, false, ApproveStatus.NOT_REACHED);

        assertThat(ids(progress.signAutomatically(flow))).containsExactly(auto);
        assertThat(progress.signAutomatically(flow)).isEmpty();
        assertThat(progress.status(flow)).as("auto-signers leave it unsigned").isEqualTo(FlowStatus.TO_SIGN);
        assertThat(progress.anyPersonSigned(flow)).isFalse();
        assertThat(progress.allSigned(flow)).isFalse();
        assertThat(ids(progress.openTurns(flow))).containsExactly(person);

        progress.recordSignatures(List.of(flow), List.of(person));

        assertThat(progress.status(flow)).isEqualTo(FlowStatus.PART_SIGNED);
        assertThat(progress.anyPersonSigned(flow)).isTrue();
        assertThat(progress.allSigned(flow)).isTrue();
        assertThat(database.instant("select acted_at from approver where recipient_id = ?", person)).isEqualTo(NOW);
    }

    @Test
    void aRejectionStopsEveryoneStillWaitingAndKeepsTheSignaturesMade() {
        String flow = database.flow(group, true, FlowStatus.PART_SIGNED);
        String signed = database.approver(flow, PERSON, false, ApproveStatus.SIGNED);
        String rejecting = database.approver(flow, PERSON, false, ApproveStatus.TO_SIGN);
        String waiting = database.approver(flow, PERSON, false, ApproveStatus.NOT_REACHED);

        progress.recordRejection(rejecting, "价格不对");
        progress.reject(flow, "价格不对");

        assertThat(progress.status(flow)).isEqualTo(FlowStatus.REJECTED);
        assertThat(approverStatus(signed)).isEqualTo(ApproveStatus.SIGNED);
        assertThat(approverStatus(rejecting)).isEqualTo(ApproveStatus.REJECTED);
        assertThat(approverStatus(waiting)).isEqualTo(ApproveStatus.STOPPED);
        assertThat(database.jdbc().sql("select message from flow where id = ?").param(flow).query(String.class)
                .single()).isEqualTo("价格不对");
    }

    @Test
    void expiryAndCancellationEndEveryOpenApproverWithTheirOwnStatus() {
        String expiring = database.flow(group, true, FlowStatus.AWAITING_FILL);
        String unnamed = database.approver(expiring, ENTERPRISE, true, ApproveStatus.NOT_STARTED);
        String cancelled = database.flow(group, true, FlowStatus.TO_SIGN);
        String signing = database.approver(cancelled, PERSON, false, ApproveStatus.TO_SIGN);

        progress.expire(expiring);
        progress.cancel(cancelled, "不再需要");

        assertThat(progress.status(expiring)).isEqualTo(FlowStatus.EXPIRED);
        assertThat(approverStatus(unnamed)).isEqualTo(ApproveStatus.EXPIRED);
        assertThat(progress.status(cancelled)).isEqualTo(FlowStatus.CANCELLED);
        assertThat(approverStatus(signing)).isEqualTo(ApproveStatus.CANCELLED);
    }

    @Test
    void completingKeepsAMessageSetBefore() {
        String flow = database.flow(group, false, FlowStatus.PART_SIGNED);
        database.approver(flow, PERSON, false, ApproveStatus.SIGNED);
        progress.setMessage(flow, "备注");

        progress.complete(flow);

        assertThat(progress.status(flow)).isEqualTo(FlowStatus.ALL_SIGNED);
        assertThat(database.jdbc().sql("select message from flow where id = ?").param(flow).query(String.class)
                .single()).isEqualTo("备注");
        assertThat(database.instant("select updated_at from flow where id = ?", flow)).isEqualTo(NOW);
    }
}
