package io.signflow.signing;

import io.signflow.common.Ids;
import io.signflow.flowgroup.FlowApprover;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds or creates the signer behind an approver: the same person (kind, organization, name and
 * mobile) is one signer across the whole group, with one link to all their contracts.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class SignerRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SignerRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String assign(String groupId, FlowApprover approver) {
        String kind = approver.type().isEnterprise() ? "ENTERPRISE" : "PERSON";
        String organization = approver.type().isEnterprise() ? approver.organizationName() : "";
        // the group's row lock makes find-or-create safe when two contracts name the same person at once
        jdbc.sql("select id from flow_group where id = ? for update").param(groupId).query(String.class).single();
        String signerId = jdbc.sql("select id from signer where group_id = ? and kind = ? and organization_name = ? "
                        + "and name = ? and mobile = ?")
                .params(groupId, kind, organization, approver.name(), approver.mobile()).query(String.class).optional()
                .orElseGet(() -> {
                    String id = Ids.next();
                    jdbc.sql("insert into signer (id, group_id, kind, organization_name, name, mobile, created_at) "
                                    + "values (?, ?, ?, ?, ?, ?, ?)")
                            .params(id, groupId, kind, organization, approver.name(), approver.mobile(),
                                    OffsetDateTime.now(clock))
                            .update();
                    return id;
                });
        jdbc.sql("update approver set signer_id = ? where recipient_id = ?").params(signerId, approver.recipientId())
                .update();
        return signerId;
    }

    /** Serialises decisions about one signer (e.g. whether to notify them) across concurrent transactions. */
    public void lock(String signerId) {
        jdbc.sql("select id from signer where id = ? for update").param(signerId).query(String.class).single();
    }

    /** Whether the signer already has a contract to sign, other than through {@code exceptRecipientId}, that was announced to them. */
    public boolean hasAnnouncedTurn(String signerId, String exceptRecipientId) {
        return jdbc.sql("select count(*) from approver where signer_id = ? and recipient_id <> ? and status = 2 "
                        + "and notify_type <> 'none' and not dynamic")
                .params(signerId, exceptRecipientId).query(Integer.class).single() > 0;
    }

    /** The contracts of the group this signer signs. */
    public java.util.List<String> flowIds(String signerId) {
        return jdbc.sql("select flow_id from approver where signer_id = ? order by flow_id").param(signerId)
                .query(String.class).list();
    }
}
