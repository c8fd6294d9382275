package io.signflow.sealing;

import io.signflow.common.Rows;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The final PDFs of completed contracts. */
@Repository
public class SealedDocuments {

    private final JdbcClient jdbc;

    public SealedDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Sealed(String flowId, String sha256, int pageCount, OffsetDateTime sealedAt) {
    }

    public boolean exists(String flowId) {
        return jdbc.sql("select count(*) from sealed_document where flow_id = ?").param(flowId).query(Long.class)
                .single() > 0;
    }

    public void insert(String flowId, byte[] content, String sha256, int pageCount, OffsetDateTime sealedAt) {
        jdbc.sql("insert into sealed_document (flow_id, content, sha256, page_count, sealed_at) values (?, ?, ?, ?, ?)")
                .params(flowId, content, sha256, pageCount, sealedAt).update();
    }

    public List<Sealed> find(Collection<String> flowIds) {
        if (flowIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select flow_id, sha256, page_count, sealed_at from sealed_document where flow_id in (:ids)")
                .param("ids", flowIds).query(Rows.of(Sealed.class)).list();
    }

    public Optional<byte[]> content(String flowId) {
        return jdbc.sql("select content from sealed_document where flow_id = ?").param(flowId).query(byte[].class)
                .optional();
    }
}
