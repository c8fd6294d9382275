package io.signflow.callback;

import io.signflow.common.Rows;
import io.signflow.common.TransactionMemo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a callback tells about a contract or group, read in the transaction of the change it announces. */
@Repository
class CallbackSources {

    private static final TransactionMemo<String, Boolean> NO_DESTINATION = new TransactionMemo<>("callback.none");
    /** The contracts whose group this transaction has read at once: the next of them is read alone. */
    private static final TransactionMemo<String, Boolean> GROUP_READ = new TransactionMemo<>("callback.group");
    private final JdbcClient jdbc;

    public CallbackSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Flow(String id, String groupId, String groupName, String organizationId, String name, String flowType,
                       String description, int status, String message, boolean unordered, String userData,
                       String callbackUrl, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       OffsetDateTime deadline, String organizationCallbackUrl, boolean single) {

        /** The contract's own CallbackUrl wins over its organization's default address. */
        public String destination() {
            return callbackUrl != null && !callbackUrl.isBlank() ? callbackUrl : organizationCallbackUrl;
        }
    }

    public record Approver(String recipientId, int approverType, String organizationName, String organizationId,
                           String name, String mobile, String idCardType, String idCardNumber, String userId,
                           String customTag, int status, String message, OffsetDateTime actedAt) {
    }

    public record Group(String id, String name, String organizationId, String organizationCallbackUrl) {
    }

    /**
     * The contract's snapshot when it has a callback address, its own or its organization's. The first
     * contract of a group asked for in a transaction is read with the rest of its group, and those found
     * without an address are not read again in the transaction (one signature announces ten contracts,
     * a creation each contract two or three times): an address set meanwhile applies from the next
     * transaction. A contract with an address is read at each announcement, as it is then.
     */
    public Optional<Flow> withDestination(String flowId) {
        if (NO_DESTINATION.known(flowId).isPresent()) {
            return Optional.empty();
        }
        if (GROUP_READ.known(flowId).isPresent()) {
            return snapshots("f.id = ?", flowId).stream().filter(f -> f.destination() != null).findFirst();
        }
        List<Flow> group = snapshots("f.group_id = (select group_id from flow where id = ?)", flowId);
        for (Flow flow : group) {
            GROUP_READ.remember(flow.id(), true);
            if (flow.destination() == null) {
                NO_DESTINATION.remember(flow.id(), true);
            }
        }
        return group.stream().filter(f -> f.id().equals(flowId) && f.destination() != null).findFirst();
    }

    private List<Flow> snapshots(String where, String flowId) {
        return jdbc.sql("select f.id, f.group_id, g.name as group_name, f.organization_id, f.name, f.flow_type, "
                        + "f.description, f.status, f.message, f.unordered, f.user_data, f.callback_url, f.created_at, "
                        + "f.updated_at, f.deadline, o.callback_url as organization_callback_url, g.single from flow f "
                        + "join flow_group g on g.id = f.group_id join organization o on o.id = f.organization_id "
                        + "where " + where)
                .param(flowId).query(Rows.of(Flow.class)).list();
    }

    public List<Approver> approvers(String flowId) {
        return jdbc.sql("select a.recipient_id, a.approver_type, a.organization_name, o.id as organization_id, a.name, "
                        + "a.mobile, a.id_card_type, a.id_card_number, a.user_id, a.custom_tag, a.status, a.message, "
                        + "a.acted_at from approver a left join organization o on o.name = a.organization_name "
                        + "where a.flow_id = ? order by a.sign_order")
                .param(flowId).query(Rows.of(Approver.class)).list();
    }

    public Optional<Group> group(String groupId) {
        return jdbc.sql("select g.id, g.name, g.organization_id, o.callback_url as organization_callback_url "
                        + "from flow_group g "
                        + "join organization o on o.id = g.organization_id where g.id = ?")
                .param(groupId).query(Rows.of(Group.class)).optional();
    }
}
