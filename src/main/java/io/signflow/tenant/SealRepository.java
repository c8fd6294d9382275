package io.signflow.tenant;

import io.signflow.common.Rows;
import io.signflow.common.TransactionMemo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SealRepository {

    private static final String COLUMNS = "id, organization_id, name, seal_type, auto_sign_allowed";
    /** Seals are never changed; a creation asks for each auto-signer's seal at validation and again at signing. */
    private static final TransactionMemo<String, Seal> ROWS = new TransactionMemo<>("seal");
    private final JdbcClient jdbc;

    public SealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Seal seal, byte[] png) {
        jdbc.sql("insert into seal (id, organization_id, name, seal_type, auto_sign_allowed, image_png, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(seal.id(), seal.organizationId(), seal.name(), seal.sealType(), seal.autoSignAllowed(), png,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    public Optional<Seal> find(String id) {
        return ROWS.get(id, key -> jdbc.sql("select " + COLUMNS + " from seal where id = ?").param(key)
                .query(Rows.of(Seal.class)).optional());
    }

    public List<Seal> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from seal where id in (:ids)").param("ids", ids)
                .query(Rows.of(Seal.class)).list();
    }

    public List<Seal> ofOrganization(String organizationId) {
        return jdbc.sql("select " + COLUMNS + " from seal where organization_id = ? order by created_at, id")
                .param(organizationId).query(Rows.of(Seal.class)).list();
    }

    public Optional<byte[]> image(String id) {
        return jdbc.sql("select image_png from seal where id = ?").param(id).query(byte[].class).optional();
    }
}
