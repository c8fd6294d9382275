package io.signflow.flowgroup;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.common.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each signer's signing review stands ({@code approver.sign_review}). Who is reviewed is decided
 * when sign-flow opens the reviews, once every signer is named: the signers given
 * ApproverNeedSignReview, and under the contract's NeedSignReview the initiating organization's own
 * enterprise signers (ESS: "本企业合同参与方"). Only the model's steps change a review; a signer may
 * sign once theirs has PASSED.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class SignReviews {

    public static final String PENDING = "PENDING";
    public static final String REJECTED = "REJECTED";
    public static final String PASSED = "PASSED";

    private final JdbcClient jdbc;
    private final FlowProgress progress;
    private final FlowGroupRepository groups;
    private final AuditTrail audit;
    private final Clock clock;

    public SignReviews(JdbcClient jdbc, FlowProgress progress, FlowGroupRepository groups, AuditTrail audit,
                       Clock clock) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One reviewed signer of a contract. {@code byContract}: reviewed because of the contract's
     * NeedSignReview (the initiating organization's enterprise signer), which CreateFlowSignReview
     * decides without a RecipientId.
     */
    public record Review(String recipientId, String flowId, String name, String organizationName, int approveStatus,
                         String state, boolean byContract) {

        public boolean isOpen() {
            return PENDING.equals(state) || REJECTED.equals(state);
        }
    }

    private static final String REVIEWS = "select a.recipient_id, a.flow_id, a.name, a.organization_name, "
            + "a.status as approve_status, a.sign_review as state, coalesce(f.need_sign_review and a.approver_type = 0 "
            + "and a.organization_name = o.name, false) as by_contract from approver a join flow f on f.id = a.flow_id "
            + "join organization o on o.id = f.organization_id ";

    /** Marks the contract's reviewed signers as awaiting review; returns them in signing order. */
    public List<String> open(String flowId) {
        jdbc.sql("update approver set sign_review = '" + PENDING + "' where flow_id = :flow and sign_review is null "
                        + "and approver_type <> 3 and (need_sign_review or (approver_type = 0 and exists (select 1 "
                        + "from flow f join organization o on o.id = f.organization_id where f.id = :flow "
                        + "and f.need_sign_review and o.name = approver.organization_name)))")
                .param("flow", flowId).update();
        return reviews(flowId).stream().filter(Review::isOpen).map(Review::recipientId).toList();
    }

    /** The reviews of a contract, open or decided; empty when nobody in it is reviewed. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Review> reviews(String flowId) {
        return jdbc.sql(REVIEWS + "where a.flow_id = ? and a.sign_review is not null order by a.sign_order")
                .param(flowId).query(Rows.of(Review.class)).list();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Review> review(String recipientId) {
        return jdbc.sql(REVIEWS + "where a.recipient_id = ? and a.sign_review is not null").param(recipientId)
                .query(Rows.of(Review.class)).optional();
    }

    /** Whether the contract asked for any review at all, whether or not the reviews are open yet. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean isReviewed(String flowId) {
        return FlowMemos.REVIEWED.get(flowId, id -> Optional.of(jdbc.sql("select count(*) from approver a "
                        + "join flow f on f.id = a.flow_id where a.flow_id = ? and (a.need_sign_review or f.need_sign_review)")
                .param(id).query(Integer.class).single() > 0)).orElseThrow();
    }

    /** The approvers of the group's contracts who are this signer (ESS matches name with mobile or ID card). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Review> ofSigner(String groupId, boolean enterprise, String organizationName, String name,
                                 String mobile, String idCardType, String idCardNumber) {
        return jdbc.sql(REVIEWS + "where f.group_id = :group and a.name = :name and a.approver_type "
                        + (enterprise ? "= 0 and a.organization_name = :organization" : "= 1")
                        + " and (a.mobile = :mobile or (a.id_card_type = :cardType and a.id_card_number = :cardNumber)) "
                        + "order by f.position")
                .param("group", groupId).param("name", name).param("organization", organizationName)
                .param("mobile", mobile).param("cardType", idCardType).param("cardNumber", idCardNumber)
                .query(Rows.of(Review.class)).list();
    }

    /** Who a review is about, as an operator reads it in Tasklist: the signer and the contract. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public String subject(String recipientId) {
        return jdbc.sql("select a.name, a.organization_name, f.name as flow_name from approver a "
                        + "join flow f on f.id = a.flow_id where a.recipient_id = ?").param(recipientId)
                .query((rs, n) -> (rs.getString(2) == null || rs.getString(2).isEmpty() ? "" : rs.getString(2) + " ")
                        + rs.getString(1) + " · " + rs.getString(3))
                .single();
    }

    /**
     * Records a decision the model has taken: PASS lets the signer sign, REJECT keeps them waiting,
     * SIGN_REJECT records the rejection as the signer's own (the contract then ends in the model's
     * reject step). Takes the contract's lock, so that a decision made in Tasklist and a signature
     * apply one after the other.
     */
    public void record(String flowId, String recipientId, SignReviewDecision decision) {
        progress.lock(List.of(flowId));
        String state = switch (decision.type()) {
            case PASS -> PASSED;
            case REJECT, SIGN_REJECT -> REJECTED;
        };
        jdbc.sql("update approver set sign_review = ?, review_message = ?, reviewed_at = ? where recipient_id = ?")
                .params(state, decision.message(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        recipientId)
                .update();
        if (decision.type() == SignReviewDecision.Type.SIGN_REJECT) {
            progress.recordRejection(recipientId, decision.message());
            progress.setMessage(flowId, decision.message());
        }
        String groupId = groups.findByFlow(flowId).orElseThrow().id();
        audit.record(groupId, flowId, AuditEvent.SIGN_REVIEWED, decision.reviewedBy(), null,
                decision.type() + " for " + subject(recipientId)
                        + (decision.message() == null || decision.message().isBlank() ? "" : ": " + decision.message()));
    }
}
