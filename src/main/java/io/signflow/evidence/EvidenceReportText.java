package io.signflow.evidence;

import io.signflow.audit.AuditChainHash;
import io.signflow.audit.AuditTrail;
import io.signflow.common.Mobiles;
import io.signflow.evidence.EvidenceReportLayout.Line;
import io.signflow.sealing.PdfSignatureVerifier;
import io.signflow.sealing.SealingSources;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What an evidence report says, line by line: the report's own identity, then for each contract its
 * identity, file hashes, signers and how each proved who they were, every audit event with time,
 * address and browser, the trail's integrity line, and each digital signature's evidence.
 */
final class EvidenceReportText {

    /** Everything known about one contract. */
    record Contract(SealingSources.Contract contract, String operatorUserId, String sealedSha256,
                    OffsetDateTime sealedAt, Collection<SealingSources.Signature> signatures,
                    List<AuditTrail.Entry> trail, List<PdfSignatureVerifier.Result> pdfSignatures) {
    }

    /** The report as a whole. */
    record Report(String reportId, String groupId, String groupName, OffsetDateTime requestedAt,
                  String requestedBy, String platformName, String timestamping, ZoneId zone,
                  List<Contract> contracts) {
    }

    private EvidenceReportText() {
    }

    static List<Line> lines(Report report) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(report.zone());
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("出证报告 · Evidence report", EvidenceReportLayout.TITLE, 0));
        lines.add(body("报告编号 ReportId: " + report.reportId()));
        if (report.contracts().get(0).contract().inGroup()) {
            lines.add(body("合同组 Group: " + report.groupName() + " (FlowGroupId " + report.groupId() + ")"));
        }
        lines.add(body("范围 Scope: " + (report.contracts().size() == 1 ? "one contract, FlowId "
                + report.contracts().get(0).contract().flowId() : "every contract of the group, "
                + report.contracts().size() + " contracts")));
        lines.add(body("申请 Requested: " + time.format(report.requestedAt()) + " by " + report.requestedBy()));
        lines.add(body("出具方 Issued by: " + report.platformName() + ", signed with its PAdES signature over this whole "
                + "document. " + report.timestamping()));
        for (Contract contract : report.contracts()) {
            contract(lines, contract, time);
        }
        return lines;
    }

    private static void contract(List<Line> lines, Contract c, DateTimeFormatter time) {
        SealingSources.Contract contract = c.contract();
        lines.add(blank());
        lines.add(heading("合同 Contract: " + contract.name()));
        lines.add(body("合同编号 FlowId: " + contract.flowId()));
        lines.add(body("发起方 Initiator: " + contract.organizationName() + ", operator " + c.operatorUserId()));
        lines.add(body("发起时间 Created: " + time.format(contract.createdAt())));
        lines.add(body("签署完成 Sealed: " + time.format(c.sealedAt())));
        lines.add(body("原文件 Original file: " + contract.fileName()));
        lines.add(body("原文件 SHA-256 of the original: " + contract.fileSha256()));
        lines.add(body("签署文件 SHA-256 of the sealed file: " + c.sealedSha256()));

        lines.add(subheading("签署方 Signers"));
        for (SealingSources.Signature s : c.signatures()) {
            lines.add(body(signer(s)));
            lines.add(indented("proved by: " + proof(s) + "; signed " + time.format(s.signedAt())
                    + (s.ip() == null ? "" : " from " + s.ip())));
        }

        lines.add(subheading("审计记录 Audit trail"));
        for (AuditTrail.Entry e : c.trail()) {
            lines.add(body(time.format(e.occurredAt()) + "  " + e.event() + "  " + e.actor()));
            lines.add(indented("IP " + orDash(e.ip()) + "  User-Agent " + orDash(e.userAgent())
                    + (e.detail() == null || e.detail().isBlank() ? "" : "  " + e.detail())));
        }
        lines.add(body(auditTrailIntegrity(c.trail())));

        lines.add(subheading("数字签名 Digital signatures of the sealed file"));
        for (PdfSignatureVerifier.Result r : c.pdfSignatures()) {
            lines.add(body("certificate subject: " + orDash(r.subject())));
            lines.add(indented("serial " + orDash(r.serialNumber()) + ", algorithm " + orDash(r.algorithm())
                    + ", signed " + (r.signTime() == null ? "-" : time.format(r.signTime()))));
            lines.add(indented("SHA-256 of the signed bytes: " + r.signedSha256()));
            lines.add(indented("check: " + (r.valid() ? "valid" : "INVALID")
                    + (r.coversDocument() ? ", covers the whole file" : ", does not cover the whole file")));
        }
    }

    /**
     * The audit trail's integrity line: the report walks the contract's hash chain again from the
     * entries it prints, so it shows either the chain's head (the same value the sealed PDF carries)
     * or the first entry whose stored hashes do not match its content.
     */
    static String auditTrailIntegrity(List<AuditTrail.Entry> trail) {
        String head = AuditChainHash.GENESIS;
        for (AuditTrail.Entry e : trail) {
            String expected = AuditChainHash.of(head, e.groupId(), e.flowId(), e.event(), e.actor(), e.ip(),
                    e.userAgent(), e.detail(), e.occurredAt());
            if (!head.equals(e.previousHash()) || !expected.equals(e.entryHash())) {
                return "审计完整性 Audit trail integrity: BROKEN at entry " + e.id() + " of " + trail.size();
            }
            head = e.entryHash();
        }
        return "审计完整性 Audit trail integrity: " + trail.size() + " entries, hash chain intact, head " + head;
    }

    private static String signer(SealingSources.Signature s) {
        String organization = s.organizationName() == null || s.organizationName().isBlank() ? ""
                : s.organizationName() + ", ";
        if (s.approverType() == 3) {
            return organization + "auto-sign by the initiator (seal " + s.sealId() + ")";
        }
        return organization + s.approverName() + ", mobile " + Mobiles.masked(s.mobile());
    }

    private static String proof(SealingSources.Signature s) {
        return switch (s.verification()) {
            case "MOBILE_CODE" -> "one-time code sent to " + Mobiles.masked(s.mobile());
            case "PLATFORM" -> "the platform, for the initiator's own seal";
            default -> s.verification();
        };
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    private static Line heading(String text) {
        return new Line(text, EvidenceReportLayout.HEADING, 0);
    }

    private static Line subheading(String text) {
        return new Line(text, EvidenceReportLayout.BODY + 1, 0);
    }

    private static Line body(String text) {
        return new Line(text, EvidenceReportLayout.BODY, 0);
    }

    private static Line indented(String text) {
        return new Line(text, EvidenceReportLayout.BODY, 14);
    }

    private static Line blank() {
        return new Line("", EvidenceReportLayout.BODY, 0);
    }
}
