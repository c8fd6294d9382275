package io.signflow.evidence;

import io.signflow.common.Rows;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evidence_report table: what was asked for, by whom, and the signed PDF once produced. */
@Repository
public class EvidenceReportStore {

    static final String EXECUTING = "EXECUTING";
    static final String SUCCESS = "SUCCESS";

    private final JdbcClient jdbc;

    public EvidenceReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One report; {@code flowId} is null for a whole group's. The owner is the contracts' initiator. */
    record Report(String id, String groupId, String flowId, String ownerOrganizationId, String organizationId,
                  String operatorUserId, String status, OffsetDateTime createdAt) {
    }

    void insert(Report report) {
        jdbc.sql("insert into evidence_report (id, group_id, flow_id, owner_organization_id, organization_id, "
                        + "operator_user_id, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(report.id(), report.groupId(), report.flowId(), report.ownerOrganizationId(),
                        report.organizationId(), report.operatorUserId(), report.status(), report.createdAt())
                .update();
    }

    Optional<Report> find(String id) {
        return jdbc.sql("select id, group_id, flow_id, owner_organization_id, organization_id, operator_user_id, status, "
                + "created_at from evidence_report where id = ?").param(id).query(Rows.of(Report.class)).optional();
    }

    /** Stores the signed PDF once: a retried job finds the report done and leaves it. */
    boolean complete(String id, byte[] pdf, String sha256, int pageCount, OffsetDateTime at) {
        return jdbc.sql("update evidence_report set status = ?, content = ?, sha256 = ?, page_count = ?, completed_at = ? "
                        + "where id = ? and status = ?")
                .params(SUCCESS, pdf, sha256, pageCount, at, id, EXECUTING).update() > 0;
    }

    Optional<byte[]> content(String id) {
        return jdbc.sql("select content from evidence_report where id = ? and status = ?").params(id, SUCCESS)
                .query(byte[].class).optional();
    }
}
