package io.signflow.flowgroup;

import io.signflow.common.Rows;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The copied parties of contracts (table copied_party, written at creation by
 * {@link FlowGroupRepository}): who is told when, who may read which contracts of a group through
 * their read-only link, and what DescribeFlowInfo lists as CcInfos.
 */
@Repository
public class CopiedParties {

    private static final String COLUMNS = "c.id, c.flow_id, c.group_id, c.cc_type, c.name, c.mobile, c.permission, "
            + "c.notify_type, c.notify_when, c.notified_at, f.organization_id, o.name as organization_name";
    private final JdbcClient jdbc;

    public CopiedParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One copied party of one contract; {@code ccType} 0 a person, 1 an employee of the initiating
     * organization, whose id and name come along.
     */
    public record CopiedParty(String id, String flowId, String groupId, int ccType, String name, String mobile,
                              int permission, String notifyType, int notifyWhen, OffsetDateTime notifiedAt,
                              String organizationId, String organizationName) {

        public boolean isEmployee() {
            return ccType == 1;
        }

        public CcMoment moment() {
            return CcMoment.ofCode(notifyWhen);
        }

        public boolean silenced() {
            return "none".equals(notifyType);
        }
    }

    /** The contracts' copied parties, by contract and in the order given. */
    public List<CopiedParty> ofFlows(Collection<String> flowIds) {
        if (flowIds.stream().allMatch(id -> FlowMemos.COPIED.known(id).equals(Optional.of(false)))) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from copied_party c join flow f on f.id = c.flow_id "
                        + "join organization o on o.id = f.organization_id where c.flow_id in (:ids) "
                        + "order by c.flow_id, c.position").param("ids", flowIds).query(Rows.of(CopiedParty.class)).list();
    }

    /** The contracts of the group a reader (name and mobile) is copied on, in the group's order. */
    public List<String> flowIdsOf(String groupId, String name, String mobile) {
        return jdbc.sql("select c.flow_id from copied_party c join flow f on f.id = c.flow_id "
                        + "where c.group_id = ? and c.name = ? and c.mobile = ? order by f.position")
                .params(groupId, name, mobile).query(String.class).list();
    }

    /** Whether the reader was already told about a contract of the group at this moment. */
    public boolean toldInGroup(String groupId, String name, String mobile, CcMoment moment) {
        return jdbc.sql("select count(*) from copied_party where group_id = ? and name = ? and mobile = ? "
                        + "and notify_when = ? and notified_at is not null")
                .params(groupId, name, mobile, moment.code()).query(Integer.class).single() > 0;
    }

    public void markTold(String id, OffsetDateTime at) {
        jdbc.sql("update copied_party set notified_at = ? where id = ?").params(at, id).update();
    }
}
