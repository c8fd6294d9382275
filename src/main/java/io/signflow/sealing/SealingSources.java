package io.signflow.sealing;

import io.signflow.common.Rows;
import io.signflow.document.FileRepository;
import io.signflow.document.PageGeometry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Everything the sealing step reads about one completed contract. */
@Repository
public class SealingSources {

    private final JdbcClient jdbc;
    private final FileRepository files;

    public SealingSources(JdbcClient jdbc, FileRepository files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    public record Contract(String flowId, String groupId, String name, String groupName, String organizationName,
                           String fileId, String fileName, String fileSha256, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt, boolean single) {

        /** A contract of its own (CreateFlowByFiles) is in no group; its group row is not shown. */
        public boolean inGroup() {
            return !single;
        }
    }

    /** A control to draw: its place, and its value for fill controls. */
    public record Mark(String recipientId, String type, int pageNo, double x, double y, double width, double height,
                       String value, String extra) {
    }

    /** The evidence of one approver's signature. */
    public record Signature(String recipientId, String approverName, String organizationName, String mobile,
                            int approverType, String method, String sealId, byte[] signaturePng, byte[] sealPng,
                            String verification, String ip, OffsetDateTime signedAt, String legalPersonSealId,
                            String signatureKind) {
    }

    public Contract contract(String flowId) {
        return jdbc.sql("select f.id as flow_id, f.group_id, f.name, g.name as group_name, o.name as organization_name, "
                        + "f.file_id, r.file_name, r.sha256 as file_sha256, f.created_at, f.updated_at, g.single from flow f "
                        + "join flow_group g on g.id = f.group_id join organization o on o.id = f.organization_id "
                        + "join file_resource r on r.id = f.file_id where f.id = ?")
                .param(flowId).query(Rows.of(Contract.class)).single();
    }

    public byte[] document(Contract contract) {
        return files.content(contract.fileId());
    }

    public List<PageGeometry> pages(Contract contract) {
        return files.pages(List.of(contract.fileId())).get(contract.fileId());
    }

    public List<Mark> marks(String flowId) {
        return jdbc.sql("select recipient_id, component_type as type, page_no, pos_x as x, pos_y as y, width, height, "
                        + "component_value as \"value\", extra from component where flow_id = ? order by id")
                .param(flowId).query(Rows.of(Mark.class)).list();
    }

    /** By recipient, in the order they signed. */
    public Map<String, Signature> signatures(String flowId) {
        return jdbc.sql("select s.recipient_id, a.name as approver_name, a.organization_name, a.mobile, a.approver_type, "
                        + "s.method, s.seal_id, s.signature_png, s.seal_png, s.verification, s.ip, s.signed_at, "
                        + "s.legal_person_seal_id, s.signature_kind "
                        + "from signature_record s join approver a on a.recipient_id = s.recipient_id "
                        + "where s.flow_id = ? order by s.signed_at, s.id")
                .param(flowId).query(Rows.of(Signature.class)).list().stream()
                .collect(Collectors.toMap(Signature::recipientId, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    public byte[] uploadedImage(String fileId) {
        return files.content(fileId);
    }

    /** An ATTACHMENT's image: one a signer uploaded on the signer page, or a FileId the initiator uploaded. */
    public byte[] attachmentImage(String id) {
        return jdbc.sql("select content from signer_attachment where id = ?").param(id).query(byte[].class).optional()
                .orElseGet(() -> files.content(id));
    }

    public Optional<byte[]> sealImage(String sealId) {
        return jdbc.sql("select image_png from seal where id = ?").param(sealId).query(byte[].class).optional();
    }
}
