package io.signflow.signing;

import io.signflow.common.Rows;
import io.signflow.flowgroup.SignReviews;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the signer page reads: a signer, their contracts in the group, and their controls. */
@Repository
class SignerQueries {

    private static final String FIELDS = "select id, recipient_id, flow_id, component_type as type, component_id, "
            + "component_name as name, page_no, pos_x, pos_y, width, height, required, component_value, extra "
            + "from component ";

    private final JdbcClient jdbc;

    public SignerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code viewVerified}: the signer has proved with a code that they may view contracts that ask for it. */
    public record Signer(String id, String groupId, String kind, String organizationName, String name, String mobile,
                         boolean viewVerified) {

        public boolean isEnterprise() {
            return "ENTERPRISE".equals(kind);
        }
    }

    /** One contract of the signer, with their own approver row in it. */
    public record Assignment(String recipientId, String flowId, int approverType, int approveStatus, boolean noRefuse,
                             String approveMessage, String flowName, String flowType, String description,
                             int flowStatus, String flowMessage, String fileId, int position, String signReview,
                             String verifyTypes) {

        /** The initiator reviews this signature (NeedSignReview) and has not passed it yet. */
        public boolean awaitsReview() {
            return signReview != null && !SignReviews.PASSED.equals(signReview);
        }

        /**
         * Whether the contract is shown only after a code (ApproverVerifyTypes 2, the mobile check); a
         * list that allows no other check here always does (face recognition is refused at creation).
         */
        public boolean viewNeedsCode() {
            return verifyTypes != null && List.of(verifyTypes.split(",")).contains("2");
        }
    }

    public record Field(long id, String recipientId, String flowId, String type, String componentId, String name,
                        int pageNo, double posX, double posY, double width, double height, boolean required,
                        String componentValue, String extra) {

        public boolean isFill() {
            return !type.startsWith("SIGN_");
        }
    }

    public Optional<Signer> signer(String signerId) {
        return jdbc.sql("select id, group_id, kind, organization_name, name, mobile, "
                        + "view_verified_at is not null as view_verified from signer where id = ?")
                .param(signerId).query(Rows.of(Signer.class)).optional();
    }

    public List<Assignment> assignments(String signerId) {
        return jdbc.sql("select a.recipient_id, a.flow_id, a.approver_type, a.status as approve_status, a.no_refuse, "
                        + "a.message as approve_message, f.name as flow_name, f.flow_type, f.description, "
                        + "f.status as flow_status, f.message as flow_message, f.file_id, f.position, a.sign_review, "
                        + "a.verify_types "
                        + "from approver a join flow f on f.id = a.flow_id where a.signer_id = ? order by f.position")
                .param(signerId).query(Rows.of(Assignment.class)).list();
    }

    public List<Field> fields(Collection<String> recipientIds) {
        if (recipientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FIELDS
                        + "where recipient_id in (:ids) order by id")
                .param("ids", recipientIds).query(Rows.of(Field.class)).list();
    }

    /** The initiator's WATERMARK controls of these contracts: the signer sees the watermark over the pages. */
    public List<Field> watermarks(Collection<String> flowIds) {
        if (flowIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FIELDS
                        + "where flow_id in (:ids) and recipient_id is null and component_type = 'WATERMARK' order by id")
                .param("ids", flowIds).query(Rows.of(Field.class)).list();
    }
}
