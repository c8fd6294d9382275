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

    private static final String COLUMNS = "id, name, parent_id, activated, auto_sign_enabled, flow_group_policy";
    /**
     * A request asks for its organization at every step: authentication, validation, the process's
     * steps; a creation also for its group policy, read with it.
     */
    private static final TransactionMemo<String, Row> ROWS = new TransactionMemo<>("organization");
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
        return row(id).map(row -> FlowGroupPolicy.of(row.flowGroupPolicy()).orElseThrow());
    }

    /** False when there is no such organization. */
    public boolean setFlowGroupPolicy(String id, FlowGroupPolicy policy) {
        ROWS.forget(id);
        return jdbc.sql("update organization set flow_group_policy = ? where id = ?").params(policy.wire(), id)
                .update() == 1;
    }

    public Optional<Organization> find(String id) {
        return row(id).map(Row::organization);
    }

    private Optional<Row> row(String id) {
        return ROWS.get(id, key -> jdbc.sql("select " + COLUMNS + " from organization where id = ?").param(key)
                .query(Rows.of(Row.class)).optional());
    }

    /**
     * An employee with their organization, in one read: every API call begins by resolving its
     * operator. The organization is remembered as {@link #find} would have read it.
     */
    public Optional<Employment> employment(String employeeId) {
        return jdbc.sql("select e.id, e.organization_id, e.name, e.mobile, e.verified, e.api_enabled, "
                        + "o.name, o.parent_id, o.activated, o.auto_sign_enabled, o.flow_group_policy "
                        + "from employee e join organization o on o.id = e.organization_id where e.id = ?")
                .param(employeeId)
                .query((rs, n) -> {
                    Employee employee = new Employee(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), rs.getBoolean(6));
                    Row organization = new Row(employee.organizationId(), rs.getString(7), rs.getString(8),
                            rs.getBoolean(9), rs.getBoolean(10), rs.getString(11));
                    ROWS.remember(organization.id(), organization);
                    return new Employment(employee, organization.organization());
                })
                .optional();
    }

    public record Employment(Employee employee, Organization organization) {
    }

    public Optional<Organization> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from organization where name = ?").param(name)
                .query(Rows.of(Row.class)).optional().map(Row::organization);
    }

    /** The organizations that exist among {@code ids}; those this transaction has read already are not read again. */
    public List<Organization> findAll(Collection<String> ids) {
        List<Organization> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            ROWS.known(id).ifPresentOrElse(row -> found.add(row.organization()), () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from organization where id in (:ids)").param("ids", unknown)
                    .query(Rows.of(Row.class)).list().forEach(row -> {
                        ROWS.remember(row.id(), row);
                        found.add(row.organization());
                    });
        }
        return found;
    }

    public List<Organization> children(String parentId) {
        return jdbc.sql("select " + COLUMNS + " from organization where parent_id = ? order by name").param(parentId)
                .query(Rows.of(Row.class)).list().stream().map(Row::organization).toList();
    }

    public boolean existsByName(String name) {
        return jdbc.sql("select count(*) from organization where name = ?").param(name).query(Integer.class).single() > 0;
    }

    /** An organization's row as read: the organization, and the group policy that only a creation asks for. */
    private record Row(String id, String name, String parentId, boolean activated, boolean autoSignEnabled,
                       String flowGroupPolicy) {

        Organization organization() {
            return new Organization(id, name, parentId, activated, autoSignEnabled);
        }
    }
}
