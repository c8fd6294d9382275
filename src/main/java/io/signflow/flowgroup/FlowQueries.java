package io.signflow.flowgroup;

import io.signflow.common.Rows;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of contracts for the Describe* actions. */
@Repository
public class FlowQueries {

    private static final String FLOW_COLUMNS = "f.id, f.group_id, f.organization_id, f.name, f.flow_type, f.description, "
            + "f.status, f.message, f.created_at, f.deadline, g.operator_user_id";
    private final JdbcClient jdbc;

    public FlowQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record FlowRow(String id, String groupId, String organizationId, String name, String flowType,
                          String description, int status, String message, OffsetDateTime createdAt,
                          OffsetDateTime deadline, String operatorUserId) {
    }

    public record ApproverRow(String recipientId, String signId, String flowId, int signOrder, int approverType,
                              String organizationName, String name, String mobile, String roleName, String customTag,
                              int status, String message, OffsetDateTime actedAt, String organizationId,
                              String signReview) {
    }

    /**
     * A control of a contract with the value filled into it so far: by the initiator at creation
     * ({@code recipientId} null) or by a signer as they signed.
     */
    public record ComponentRow(String recipientId, String type, String componentId, String name,
                               String componentValue) {

        public boolean isFill() {
            return !type.startsWith("SIGN_");
        }
    }

    /** Every control of the contract, in the order they were created. */
    public List<ComponentRow> components(String flowId) {
        return jdbc.sql("select recipient_id, component_type as type, component_id, component_name as name, "
                        + "component_value from component where flow_id = ? order by id")
                .param(flowId).query(Rows.of(ComponentRow.class)).list();
    }

    public List<FlowRow> flows(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + FLOW_COLUMNS + " from flow f join flow_group g on g.id = f.group_id "
                + "where f.id in (:ids)").param("ids", ids).query(Rows.of(FlowRow.class)).list();
    }

    public List<FlowRow> flowsOfGroup(String groupId) {
        return jdbc.sql("select " + FLOW_COLUMNS + " from flow f join flow_group g on g.id = f.group_id "
                + "where f.group_id = ? order by f.position").param(groupId).query(Rows.of(FlowRow.class)).list();
    }

    /** Approvers by flow, each list in signing order; OrganizationId where the organization is registered here. */
    public Map<String, List<ApproverRow>> approvers(Collection<String> flowIds) {
        Map<String, List<ApproverRow>> byFlow = new LinkedHashMap<>();
        if (flowIds.isEmpty()) {
            return byFlow;
        }
        jdbc.sql("select a.recipient_id, a.sign_id, a.flow_id, a.sign_order, a.approver_type, a.organization_name, "
                        + "a.name, a.mobile, a.role_name, a.custom_tag, a.status, a.message, a.acted_at, o.id as organization_id, "
                        + "a.sign_review "
                        + "from approver a left join organization o on o.name = a.organization_name "
                        + "where a.flow_id in (:ids) order by a.flow_id, a.sign_order")
                .param("ids", flowIds).query(Rows.of(ApproverRow.class)).list()
                .forEach(a -> byFlow.computeIfAbsent(a.flowId(), k -> new java.util.ArrayList<>()).add(a));
        return byFlow;
    }
}
