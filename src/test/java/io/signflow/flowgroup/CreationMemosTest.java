package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.audit.AuditTrail;
import io.signflow.common.Ids;
import io.signflow.support.AdjustableClock;
import io.signflow.support.MigratedDatabase;
import io.signflow.tenant.FlowGroupPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A creation's steps ask for the group, the approvers and an auto-signer's seals in the creating
 * transaction, and are answered from what the insert remembered: the answers must be exactly what the
 * database gives a later transaction, which reads the rows.
 */
class CreationMemosTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final MigratedDatabase database = new MigratedDatabase();
    private final JdbcTemplate batch = database.batch();
    private final AuditTrail audit = new AuditTrail(database.jdbc(), batch, AdjustableClock.at(NOW));
    private final FlowGroupRepository groups = new FlowGroupRepository(database.jdbc(), batch, audit);
    private final ApproverRecords records = new ApproverRecords(database.jdbc());
    private final FlowProgress progress = new FlowProgress(database.jdbc(), batch, AdjustableClock.at(NOW));

    @Test
    void theCreatingTransactionIsAnsweredWhatTheDatabaseHolds() {
        String organization = database.organization();
        FlowGroupDraft.Approver person = approver("person", 1, ApproverType.PERSON, false, "张三", "13800000001",
                List.of(control("SIGN_SIGNATURE", null)));
        FlowGroupDraft.Approver auto = approver("auto", 0, ApproverType.ENTERPRISE_AUTO, false, null, null,
                List.of(control("SIGN_SEAL", "seal-1"), control("SIGN_SEAL", "seal-2"),
                        control("SIGN_LEGAL_PERSON_SEAL", "legal-1")));
        FlowGroupDraft.Approver dynamic = approver("dynamic", 2, ApproverType.PERSON, true, null, null, List.of());
        FlowGroupDraft.Flow flow = new FlowGroupDraft.Flow(Ids.next(), "合同", null, null, database.file(organization),
                NOW.plusSeconds(86_400), false, null, null, 0, List.of(person, auto, dynamic), List.of(), false,
                List.of(), CcMoment.STARTED);
        FlowGroupDraft.Approver samePerson = approver("person", 0, ApproverType.PERSON, false, "张三", "13800000001",
                List.of(control("SIGN_SIGNATURE", null)));
        FlowGroupDraft.Flow second = new FlowGroupDraft.Flow(Ids.next(), "合同二", null, null,
                database.file(organization), NOW.plusSeconds(86_400), false, null, null, 0, List.of(samePerson),
                List.of(), false, List.of(), CcMoment.STARTED);
        FlowGroupDraft draft = new FlowGroupDraft(Ids.next(), "合同组", organization, organization, "operator", null,
                "VerifyCheck", "sms", "sms", List.of(flow, second), NOW);
        String organizationName = database.jdbc().sql("select name from organization where id = ?")
                .param(organization).query(String.class).single();
        AtomicReference<FlowGroupSummary> rememberedGroup = new AtomicReference<>();
        AtomicReference<List<FlowApprover>> remembered = new AtomicReference<>();
        AtomicReference<Map<String, String>> rememberedSeals = new AtomicReference<>();

        database.transaction().executeWithoutResult(status -> {
            groups.insertGroup(draft, organizationName, FlowGroupPolicy.INDEPENDENT, false);
            String signer = database.signer(draft.id());
            groups.insertContracts(draft, Map.of(person.recipientId(), signer, samePerson.recipientId(), signer));
            rememberedGroup.set(groups.find(draft.id()).orElseThrow());
            remembered.set(progress.approvers(flow.id()));
            rememberedSeals.set(records.seals(auto.recipientId()));
        });

        FlowGroupSummary readGroup = database.transaction().execute(status -> groups.find(draft.id()).orElseThrow());
        List<FlowApprover> read = database.transaction().execute(status -> progress.approvers(flow.id()));
        Map<String, String> readSeals = database.transaction().execute(status -> records.seals(auto.recipientId()));
        assertThat(rememberedGroup.get()).isEqualTo(readGroup);
        assertThat(remembered.get()).isEqualTo(read);
        assertThat(read).extracting(FlowApprover::recipientId).containsExactly(auto.recipientId(),
                person.recipientId(), dynamic.recipientId());
        assertThat(read.get(1).signerId()).isNotNull();
        List<FlowApprover> secondRead = database.transaction().execute(status -> progress.approvers(second.id()));
        assertThat(secondRead).extracting(FlowApprover::signerId).containsExactly(read.get(1).signerId());
        assertThat(rememberedSeals.get()).isEqualTo(readSeals)
                .isEqualTo(Map.of("SIGN_SEAL", "seal-1", "SIGN_LEGAL_PERSON_SEAL", "legal-1"));
    }

    private static FlowGroupDraft.Approver approver(String name, int order, ApproverType type, boolean dynamic,
                                                    String person, String mobile,
                                                    List<FlowGroupDraft.Component> controls) {
        return new FlowGroupDraft.Approver(Ids.next(), Ids.next(), order, type, dynamic,
                type.isEnterprise() ? "某公司" : null, person, mobile, null, null, null, "sms", null, name, null,
                false, false, null, null, null, controls, List.of(), false);
    }

    private static FlowGroupDraft.Component control(String type, String value) {
        return new FlowGroupDraft.Component(type, type + "-" + value, null, 1, 10, 10, 100, 40, true, value, null);
    }
}
