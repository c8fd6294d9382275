package io.signflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.audit.AuditChainHash;
import io.signflow.audit.AuditTrail;
import io.signflow.evidence.EvidenceReportLayout.Line;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report's layout writes real, extractable text, Chinese included, and its integrity line pins the trail. */
class EvidenceReportLayoutTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 5, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void chineseAndLongHashesComeOutAsTextOnAsManyPagesAsNeeded() throws Exception {
        String hash = "ab".repeat(64);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("出证报告 典子谦示例企业", EvidenceReportLayout.TITLE, 0));
        lines.add(new Line("SHA-256 " + hash + hash, EvidenceReportLayout.BODY, 0));
        for (int i = 0; i < 80; i++) {
            lines.add(new Line("事件 event " + i + " \u0007 😀", EvidenceReportLayout.BODY, 14));
        }

        EvidenceReportLayout.Laid laid = EvidenceReportLayout.lay(lines, "test");

        assertThat(laid.pages()).isEqualTo(2);
        try (PDDocument document = Loader.loadPDF(laid.pdf())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("出证报告 典子谦示例企业", "event 79", "1 / 2", "2 / 2");
            // wrapped, but every character of the hash is there in order
            assertThat(text.replaceAll("\\s*\\R\\s*", "")).contains(hash + hash);
        }
    }

    @Test
    void theIntegrityLineNamesTheChainHeadOrTheFirstEntryThatNoLongerMatchesIt() {
        AuditTrail.Entry first = chained(1, AuditChainHash.GENESIS, "CREATED", "127.0.0.1", null, AT);
        AuditTrail.Entry second = chained(2, first.entryHash(), "SIGNED", "10.0.0.1", "Mozilla/5.0", AT.plusMinutes(1));
        AuditTrail.Entry secondChangedInPlace = new AuditTrail.Entry(2, "g", "f", "SIGNED", "signer 张三 188****8888",
                "10.0.0.2", "Mozilla/5.0", "seal", AT.plusMinutes(1), second.previousHash(), second.entryHash());

        assertThat(EvidenceReportText.auditTrailIntegrity(List.of(first, second)))
                .endsWith("2 entries, hash chain intact, head " + second.entryHash());
        assertThat(EvidenceReportText.auditTrailIntegrity(List.of(first, secondChangedInPlace)))
                .endsWith("BROKEN at entry 2 of 2");
        assertThat(EvidenceReportText.auditTrailIntegrity(List.of(second)))
                .endsWith("BROKEN at entry 2 of 1");
    }

    private static AuditTrail.Entry chained(long id, String previous, String event, String ip, String userAgent,
                                            OffsetDateTime at) {
        String actor = "signer 张三 188****8888";
        return new AuditTrail.Entry(id, "g", "f", event, actor, ip, userAgent, "seal", at, previous,
                AuditChainHash.of(previous, "g", "f", event, actor, ip, userAgent, "seal", at));
    }
}
