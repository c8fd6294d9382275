package io.signflow.tenant;

import io.signflow.common.Rows;
import io.signflow.common.TransactionMemo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

    private static final String COLUMNS = "id, name, parent_id, activated, auto_sign_enabled";
    /** A request asks for its organization at every step: authentication, validation, the process's steps. */
    private static final TransactionMemo<String, Organization> ROWS = new TransactionMemo<>("organization");
    private final JdbcClient jdbc;

    public OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Organization org) {
        jdbc.sql("insert into organization (id, name, parent_id, activated, auto_sign_enabled, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(org.id(), org.name(), org.parentId(), org.activated(), org.autoSignEnabled(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /**
     * Sets the organization's default callback address. The key and token arrive already encrypted:
     * the callback module owns their meaning, this table only keeps them. False when there is no such
     * organization.
     */
    public boolean setCallback(String id, String url, String encryptedKey, String encryptedToken) {
        ROWS.forget(id);
        return jdbc.sql("update organization set callback_url = ?, callback_key = ?, callback_token = ? where id = ?")
                .params(url, encryptedKey, encryptedToken, id).update() == 1;
    }

    /** The organization's group policy; empty when there is no such organization. */
    public Optional<FlowGroupPolicy> flowGroupPolicy(String id) {
        return jdbc.sql("select flow_group_policy from organization where id = ?").param(id).query(String.class)
                .optional().map(wire -> FlowGroupPolicy.of(wire).orElseThrow());
    }

    /** False when there is no such organization. */
    public boolean setFlowGroupPolicy(String id, FlowGroupPolicy policy) {
        ROWS.forget(id);
        return jdbc.sql("update organization set flow_group_policy = ? where id = ?").params(policy.wire(), id)
                .update() == 1;
    }

    public Optional<Organization> find(String id) {
        return ROWS.get(id, key -> jdbc.sql("select " + COLUMNS + " from organization where id = ?").param(key)
                .query(Rows.of(Organization.class)).optional());
    }

    public Optional<Organization> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from organization where name = ?").param(name)
                .query(Rows.of(Organization.class)).optional();
    }

    /** The organizations that exist among {@code ids}; those this transaction has read already are not read again. */
    public List<Organization> findAll(Collection<String> ids) {
        List<Organization> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            ROWS.known(id).ifPresentOrElse(found::add, () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from organization where id in (:ids)").param("ids", unknown)
                    .query(Rows.of(Organization.class)).list().forEach(org -> {
                        ROWS.remember(org.id(), org);
                        found.add(org);
                    });
        }
        return found;
    }

    public List<Organization> children(String parentId) {
        return jdbc.sql("select " + COLUMNS + " from organization where parent_id = ? order by name").param(parentId)
                .query(Rows.of(Organization.class)).list();
    }

    public boolean existsByName(String name) {
        return jdbc.sql("select count(*) from organization where name = ?").param(name).query(Integer.class).single() > 0;
    }
}
