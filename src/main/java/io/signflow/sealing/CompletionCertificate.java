package io.signflow.sealing;

import io.signflow.audit.AuditTrail;
import io.signflow.common.Fonts;
import io.signflow.common.Mobiles;
import io.signflow.sealing.SealingSources.Contract;
import io.signflow.sealing.SealingSources.Signature;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Component;

/**
 * The certificate of completion appended to every final PDF: what the contract is, the original
 * file's SHA-256, who signed how and when, and the whole audit trail up to completion. It becomes
 * part of what the platform's digital signature covers. As many A4 pages as the trail needs.
 */
@Component
class CompletionCertificate {

    private static final float SCALE = 2f;
    private static final float MARGIN = 48f;
    private static final float TITLE_SIZE = 16f;
    private static final float HEADING_SIZE = 11f;
    private static final float BODY_SIZE = 8.5f;

    /**
     * @param timestamping what the signature's time rests on: the time stamping authority that will
     *                     countersign it, or that none does
     */
    public record Content(Contract contract, int originalPages, Collection<Signature> signatures,
                          List<AuditTrail.Entry> trail, String platformName, ZoneId zone, String timestamping) {

        /** The hash of the last entry shown: it stands for the whole trail above. */
        public String auditChainHead() {
            return trail.isEmpty() ? null : trail.get(trail.size() - 1).entryHash();
        }
    }

    private record Line(String text, float size, boolean bold, float indent) {
    }

    public void append(PDDocument document, Content content) throws IOException {
        List<List<Line>> pages = paginate(lines(content));
        for (int i = 0; i < pages.size(); i++) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            BufferedImage picture = render(pages.get(i), i + 1, pages.size());
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.drawImage(FlateImages.gray(document, picture), 0, 0, PDRectangle.A4.getWidth(),
                        PDRectangle.A4.getHeight());
            }
        }
    }

    private static List<Line> lines(Content content) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(content.zone());
        Contract contract = content.contract();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("签署完成证明 · Certificate of completion", TITLE_SIZE, true, 0));
        lines.add(new Line("", BODY_SIZE, false, 0));
        lines.add(heading("合同 Contract"));
        lines.add(body("名称 Name: " + contract.name()));
        lines.add(body("合同编号 FlowId: " + contract.flowId()));
        if (contract.inGroup()) {
            lines.add(body("合同组 Group: " + contract.groupName() + " (" + contract.groupId() + ")"));
        }
        lines.add(body("发起方 Initiator: " + contract.organizationName()));
        lines.add(body("发起时间 Created: " + time.format(contract.createdAt())));
        lines.add(body("原文件 Original file: " + contract.fileName() + ", " + content.originalPages() + " page(s)"));
        lines.add(body("原文件 SHA-256: " + contract.fileSha256()));
        lines.add(heading("签署方 Signers"));
        for (Signature s : content.signatures()) {
            String who = s.approverType() == 3 ? s.organizationName() + " (auto-sign)"
                    : (s.organizationName() == null || s.organizationName().isBlank() ? "" : s.organizationName() + " ")
                    + s.approverName() + " " + Mobiles.masked(s.mobile());
            lines.add(body(who));
            lines.add(new Line(method(s) + ", " + verification(s) + ", " + time.format(s.signedAt())
                    + (s.ip() == null ? "" : ", IP " + s.ip()), BODY_SIZE, false, 14));
        }
        lines.add(heading("审计记录 Audit trail"));
        for (AuditTrail.Entry entry : content.trail()) {
            lines.add(body(time.format(entry.occurredAt()) + "  " + entry.event() + "  " + entry.actor()
                    + (entry.ip() == null ? "" : "  IP " + entry.ip())));
            if (entry.detail() != null && !entry.detail().isBlank()) {
                lines.add(new Line(entry.detail(), BODY_SIZE, false, 14));
            }
        }
        if (content.auditChainHead() != null) {
            lines.add(body("审计链 Audit chain head (SHA-256): " + content.auditChainHead()));
            lines.add(new Line("the hash of the last entry above; each entry's hash covers the one before it",
                    BODY_SIZE, false, 14));
        }
        lines.add(new Line("", BODY_SIZE, false, 0));
        lines.add(body("This document is signed by " + content.platformName()
                + " with a PAdES signature over every page, this certificate included."));
        lines.add(body(content.timestamping()));
        return lines;
    }

    private static String method(Signature s) {
        String signature = "SYSTEM_ESIGN".equals(s.signatureKind()) ? "signature generated from the name"
                : "handwritten signature";
        return switch (s.method()) {
            case "AUTO_SEAL" -> seal(s) + " applied automatically";
            case "SEAL" -> seal(s);
            case "SEAL_AND_HANDWRITTEN" -> seal(s) + " and " + signature;
            default -> signature;
        };
    }

    /** The organization's seal and/or its legal representative's. */
    private static String seal(Signature s) {
        String seal = s.sealId() != null ? "seal " + s.sealId() : s.sealPng() != null
                ? "seal drawn from the organization's name" : null;
        String legal = s.legalPersonSealId() == null ? null : "legal representative's seal " + s.legalPersonSealId();
        return seal == null ? legal : legal == null ? seal : seal + " and " + legal;
    }

    private static String verification(Signature s) {
        return switch (s.verification()) {
            case "MOBILE_CODE" -> "identity verified by a one-time code to " + Mobiles.masked(s.mobile());
            case "PLATFORM" -> "applied by the platform for the initiator";
            default -> "verified by " + s.verification();
        };
    }

    private static Line heading(String text) {
        return new Line(text, HEADING_SIZE, true, 0);
    }

    private static Line body(String text) {
        return new Line(text, BODY_SIZE, false, 0);
    }

    /** Wraps long lines, then fills pages top to bottom. */
    private static List<List<Line>> paginate(List<Line> lines) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = probe.createGraphics();
        float usable = PDRectangle.A4.getHeight() - 2 * MARGIN - 20;
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        float used = 0;
        try {
            for (Line line : lines) {
                FontMetrics metrics = g.getFontMetrics(font(line));
                int width = (int) ((PDRectangle.A4.getWidth() - 2 * MARGIN - line.indent()) * SCALE);
                for (String part : TextImages.wrap(line.text(), metrics, width)) {
                    float height = lineHeight(line);
                    if (used + height > usable) {
                        pages.add(page);
                        page = new ArrayList<>();
                        used = 0;
                    }
                    page.add(new Line(part, line.size(), line.bold(), line.indent()));
                    used += height;
                }
            }
        } finally {
            g.dispose();
        }
        pages.add(page);
        return pages;
    }

    private static BufferedImage render(List<Line> lines, int pageNo, int pageCount) {
        int width = (int) (PDRectangle.A4.getWidth() * SCALE);
        int height = (int) (PDRectangle.A4.getHeight() * SCALE);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            float y = MARGIN;
            for (Line line : lines) {
                g.setFont(font(line));
                y += lineHeight(line);
                g.drawString(line.text(), (MARGIN + line.indent()) * SCALE, (y - line.size() * 0.3f) * SCALE);
            }
            String footer = pageNo + " / " + pageCount;
            g.setFont(Fonts.forText(footer, Font.PLAIN, BODY_SIZE * SCALE));
            g.drawString(footer, (PDRectangle.A4.getWidth() - MARGIN) * SCALE - g.getFontMetrics().stringWidth(footer),
                    (PDRectangle.A4.getHeight() - MARGIN / 2) * SCALE);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Font font(Line line) {
        String sample = line.text().isEmpty() ? "签" : line.text();
        return Fonts.forText(sample, line.bold() ? Font.BOLD : Font.PLAIN, line.size() * SCALE);
    }

    private static float lineHeight(Line line) {
        return line.size() * (line.size() > BODY_SIZE ? 1.9f : 1.55f);
    }
}
