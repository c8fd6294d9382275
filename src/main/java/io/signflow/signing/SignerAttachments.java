package io.signflow.signing;

import io.signflow.common.Ids;
import io.signflow.common.RequestRejected;
import io.signflow.document.DocumentProperties;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.AttachmentValue;
import io.signflow.signing.SignerQueries.Signer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The images a signer uploads for their ATTACHMENT controls. The link's token is the credential, as
 * everywhere on the signer page: an upload goes to one control of that signer, in a contract waiting
 * for them now, and only they can see or remove it. Each control holds at most
 * {@link AttachmentValue#MAX_FILES} images of at most {@code signflow.files.max-image-size} (5 MB, as
 * UploadFiles). Signing names the ones the control keeps ({@link #keepOnly}); the rest are removed.
 */
@Component
class SignerAttachments {

    private final JdbcClient jdbc;
    private final LinkHolders holders;
    private final DocumentProperties limits;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SignerAttachments(JdbcClient jdbc, LinkHolders holders, DocumentProperties limits,
                      TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.limits = limits;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** An uploaded image as the page lists it. */
    record Uploaded(String id, String name, long size) {
    }

    record Image(String contentType, byte[] content) {
    }

    long maxBytes() {
        return limits.maxImageSize().toBytes();
    }

    Uploaded upload(String token, long componentId, String fileName, byte[] content) {
        if (content.length == 0) {
            throw RequestRejected.badRequest("The file is empty.");
        }
        if (content.length > maxBytes()) {
            throw new RequestRejected(HttpStatus.PAYLOAD_TOO_LARGE, "An image may have at most " + maxBytes()
                    + " bytes.");
        }
        String contentType = AttachmentImages.check(content, limits.maxImagePixels());
        return transaction.execute(status -> {
            Signer signer = holders.of(token);
            requireOpenControl(signer, componentId);
            // one signer's uploads take turns, so two at once cannot pass the limit together
            jdbc.sql("select id from signer where id = ? for update").param(signer.id()).query(String.class).single();
            int held = jdbc.sql("select count(*) from signer_attachment where component_id = ? and signer_id = ?")
                    .params(componentId, signer.id()).query(Integer.class).single();
            if (held >= AttachmentValue.MAX_FILES) {
                throw RequestRejected.conflict("This control holds at most " + AttachmentValue.MAX_FILES
                        + " images; remove one first.");
            }
            Uploaded uploaded = new Uploaded(Ids.next(), displayName(fileName, contentType), content.length);
            jdbc.sql("insert into signer_attachment (id, component_id, signer_id, file_name, content_type, size_bytes, "
                            + "sha256, content, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(uploaded.id(), componentId, signer.id(), uploaded.name(), contentType, uploaded.size(),
                            DigestUtils.sha256Hex(content), content, OffsetDateTime.now(clock)).update();
            return uploaded;
        });
    }

    Image image(String token, long componentId, String attachmentId) {
        return transaction.execute(status -> {
            Signer signer = holders.of(token);
            requireOpenControl(signer, componentId);
            return jdbc.sql("select content_type, content from signer_attachment where id = ? and component_id = ? "
                            + "and signer_id = ?").params(attachmentId, componentId, signer.id())
                    .query((rs, n) -> new Image(rs.getString(1), rs.getBytes(2))).optional()
                    .orElseThrow(() -> RequestRejected.notFound("No such image."));
        });
    }

    void remove(String token, long componentId, String attachmentId) {
        transaction.executeWithoutResult(status -> {
            Signer signer = holders.of(token);
            requireOpenControl(signer, componentId);
            int removed = jdbc.sql("delete from signer_attachment where id = ? and component_id = ? and signer_id = ?")
                    .params(attachmentId, componentId, signer.id()).update();
            if (removed == 0) {
                throw RequestRejected.notFound("No such image.");
            }
        });
    }

    /** What the signer has uploaded so far for each of these controls, oldest first. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Map<Long, List<Uploaded>> uploaded(String signerId, Collection<Long> componentIds) {
        if (componentIds.isEmpty()) {
            return Map.of();
        }
        record Row(long componentId, Uploaded uploaded) {
        }
        return jdbc.sql("select component_id, id, file_name, size_bytes from signer_attachment where signer_id = :signer "
                        + "and component_id in (:ids) order by created_at, id")
                .param("signer", signerId).param("ids", componentIds)
                .query((rs, n) -> new Row(rs.getLong(1), new Uploaded(rs.getString(2), rs.getString(3), rs.getLong(4))))
                .list().stream().collect(Collectors.groupingBy(Row::componentId,
                        Collectors.mapping(Row::uploaded, Collectors.toList())));
    }

    /**
     * As the signer signs: the control keeps exactly {@code ids}, which must be their own uploads for
     * it; their other uploads for it are removed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void keepOnly(String signerId, long componentId, List<String> ids) {
        Set<String> held = new HashSet<>(jdbc.sql("select id from signer_attachment where component_id = ? and "
                + "signer_id = ?").params(componentId, signerId).query(String.class).list());
        if (!held.containsAll(ids)) {
            throw RequestRejected.badRequest("An image of this control is no longer there; upload it again.");
        }
        held.removeAll(ids);
        if (!held.isEmpty()) {
            jdbc.sql("delete from signer_attachment where id in (:ids)").param("ids", held).update();
        }
    }

    /** A control of this signer's that takes uploads, in a contract waiting for them now. */
    private void requireOpenControl(Signer signer, long componentId) {
        record Control(String type, int approveStatus) {
        }
        Control control = jdbc.sql("select c.component_type, a.status from component c join approver a "
                        + "on a.recipient_id = c.recipient_id where c.id = ? and a.signer_id = ?")
                .params(componentId, signer.id()).query((rs, n) -> new Control(rs.getString(1), rs.getInt(2)))
                .optional().orElseThrow(() -> RequestRejected.notFound("No such control for this link."));
        if (!"ATTACHMENT".equals(control.type())) {
            throw RequestRejected.badRequest("This control takes no uploads.");
        }
        if (control.approveStatus() != ApproveStatus.TO_SIGN) {
            throw RequestRejected.conflict("This contract is not waiting for you now.");
        }
    }

    /** The file's own name without any path, or a plain one: it is shown to the signer, never used as a path. */
    static String displayName(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.length() > 200) {
            name = name.substring(0, Character.isHighSurrogate(name.charAt(199)) ? 199 : 200);
        }
        return name.isEmpty() ? "image." + ("image/png".equals(contentType) ? "png" : "jpg") : name;
    }
}
