package io.signflow.sealing;

import io.signflow.audit.AuditChainHash;
import io.signflow.audit.AuditTrail;
import io.signflow.document.PageGeometry;
import io.signflow.support.TestPdfs;
import io.signflow.tenant.SealImageRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * CPU time of sealing one contract as the end-to-end benchmark's contracts are sealed (a 2-page A4
 * file, one auto-signer's seal, the trail of an auto-signed contract), stage by stage: drawing and
 * the certificate of completion with the save of the finished file, then the platform's signature
 * with its validation data. Thread CPU time rather than wall time, so that other work on a shared
 * machine changes the figures little. Not a test; run it with
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath) io.signflow.sealing.SealingBench [rounds]}.
 */
public final class SealingBench {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        byte[] upload = TestPdfs.a4(2);
        byte[] seal = new SealImageRenderer().render("测试企业有限公司", "合同专用章");
        PlatformIdentity identity = PlatformCertificates.create("Signflow", "Signflow operator");
        PadesSigner signer = new PadesSigner(TimeStampAuthority.none());
        FlowDocumentStamper stamper = new FlowDocumentStamper();
        CompletionCertificate certificate = new CompletionCertificate();
        OffsetDateTime now = OffsetDateTime.now();
        SealingSources.Contract contract = new SealingSources.Contract("yDwFoUUckpstr6zdUuBqA8gX7JfJ4Fkz",
                "yDwFoUUckpstr6zdUuBqA8gX7JfJ4Fkg", "测试合同1", "测试合同组", "测试企业有限公司", "file", "contract-1.pdf",
                "0".repeat(64), now, now, false);
        SealingSources.Signature signature = new SealingSources.Signature("recipient", null, "测试企业有限公司", null, 3,
                "AUTO_SEAL", "seal", null, null, "PLATFORM", null, now, null, null);
        List<SealingSources.Mark> marks = List.of(new SealingSources.Mark("recipient", "SIGN_SEAL", 1, 50, 50, 100, 60,
                null, null));
        List<AuditTrail.Entry> trail = trail(now);
        long[] drawn = new long[1];
        long[] signed = new long[1];
        for (int pass = 0; pass < 2; pass++) {
            drawn[0] = 0;
            signed[0] = 0;
            long bytes = 0;
            for (int i = 0; i < rounds; i++) {
                long start = CPU.getCurrentThreadCpuTime();
                byte[] finished;
                List<PageGeometry> pages = List.of(new PageGeometry(1, 595.28, 841.89, 0, 0, 0),
                        new PageGeometry(2, 595.28, 841.89, 0, 0, 0));
                try (PDDocument document = Loader.loadPDF(upload)) {
                    stamper.stamp(document, pages, marks, Map.of("recipient", signature), Map.of("seal", seal), ZONE);
                    certificate.append(document, new CompletionCertificate.Content(contract, 2, List.of(signature),
                            trail, "Signflow", ZONE, signer.timestamping()));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    document.save(out);
                    finished = out.toByteArray();
                }
                long middle = CPU.getCurrentThreadCpuTime();
                byte[] pdf = signer.sign(finished, identity, new PadesSigner.Details("Signflow", "Signed by 测试企业有限公司",
                        null, GregorianCalendar.from(now.atZoneSameInstant(ZONE))));
                long end = CPU.getCurrentThreadCpuTime();
                drawn[0] += middle - start;
                signed[0] += end - middle;
                bytes += pdf.length;
            }
            if (pass == 1) {
                System.out.printf("per contract (%d rounds): drawing, certificate and save %.2f ms CPU, signature and "
                                + "validation data %.2f ms CPU, total %.2f ms; final PDF %d bytes%n", rounds,
                        drawn[0] / 1e6 / rounds, signed[0] / 1e6 / rounds, (drawn[0] + signed[0]) / 1e6 / rounds,
                        bytes / rounds);
            }
        }
    }

    /** What an auto-signed contract's trail holds when it is sealed. */
    private static List<AuditTrail.Entry> trail(OffsetDateTime at) {
        List<AuditTrail.Entry> trail = new ArrayList<>();
        String previous = null;
        String[] events = {"CREATED", "STARTED", "SIGNED", "COMPLETED"};
        for (int i = 0; i < events.length; i++) {
            String actor = i == 2 ? "测试企业有限公司 (auto-sign)" : "operator yDwFoUUckpstr6zdUuBqA8gX7JfJ4Fkp";
            String detail = i == 2 ? "seal yDwFoUUckpstr6zdUuBqA8gX7JfJ4Fks applied automatically" : null;
            String hash = AuditChainHash.of(previous, "g", "f", events[i], actor, null, null, detail, at);
            trail.add(new AuditTrail.Entry(i + 1, "g", "f", events[i], actor, null, null, detail, at, previous, hash));
            previous = hash;
        }
        return trail;
    }
}
