package io.signflow.sealing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.document.DocumentProperties;
import io.signflow.document.PageGeometry;
import io.signflow.flowgroup.AttachmentValue;
import io.signflow.sealing.SealingSources.Contract;
import io.signflow.sealing.SealingSources.Signature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a completed contract's final PDF: the uploaded file with every mark drawn, the certificate of
 * completion appended, then one platform signature over the whole ({@link PadesSigner}). One signature
 * at completion rather than one per signing event: the per-signer evidence (who, when, how verified,
 * from where) is in the certificate the signature covers, and the file has a single revision.
 * Sealing twice is harmless: a contract that already has its final PDF is left alone.
 */
@Service
public class FlowDocumentSealer {

    /** The document information key of the audit chain's head at sealing time. */
    public static final String AUDIT_CHAIN_HEAD = "SignflowAuditChainHead";

    private final SealingSources sources;
    private final SealedDocuments sealed;
    private final FlowDocumentStamper stamper;
    private final CompletionCertificate certificate;
    private final PadesSigner signer;
    private final PlatformIdentityStore identities;
    private final AuditTrail audit;
    private final SealingProperties properties;
    private final DocumentProperties documents;
    private final SealingCapacity capacity;
    private final Clock clock;

    public FlowDocumentSealer(SealingSources sources, SealedDocuments sealed, FlowDocumentStamper stamper,
                              CompletionCertificate certificate, PadesSigner signer, PlatformIdentityStore identities,
                              AuditTrail audit, SealingProperties properties, DocumentProperties documents,
                              SealingCapacity capacity, Clock clock) {
        this.sources = sources;
        this.sealed = sealed;
        this.stamper = stamper;
        this.certificate = certificate;
        this.signer = signer;
        this.identities = identities;
        this.audit = audit;
        this.properties = properties;
        this.documents = documents;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Transactional
    public void seal(String flowId) {
        if (sealed.exists(flowId)) {
            return;
        }
        Contract contract = sources.contract(flowId);
        Inputs inputs = read(contract);
        OffsetDateTime now = OffsetDateTime.now(clock);
        PlatformIdentity identity = identities.identity();
        Finished finished = capacity.run(() -> drawCertifyAndSign(contract, inputs, identity, now));
        String sha256 = DigestUtils.sha256Hex(finished.pdf());
        sealed.insert(flowId, finished.pdf(), sha256, finished.pages(), now);
        audit.record(contract.groupId(), flowId, AuditEvent.SEALED, AuditTrail.PLATFORM, null,
                "final PDF signed by " + properties.platformName() + ", SHA-256 " + sha256);
    }

    /** Everything a seal reads from the database, read in the job's transaction before the PDF work. */
    private record Inputs(byte[] document, List<PageGeometry> pages, Map<String, Signature> signatures,
                          List<SealingSources.Mark> marks, Map<String, byte[]> pictures,
                          List<AuditTrail.Entry> auditEntries) {
    }

    private record Finished(byte[] pdf, int pages) {
    }

    private Inputs read(Contract contract) {
        Map<String, Signature> signatures = sources.signatures(contract.flowId());
        List<SealingSources.Mark> marks = sources.marks(contract.flowId());
        return new Inputs(sources.document(contract), sources.pages(contract), signatures, marks,
                pictures(signatures, marks), audit.ofFlow(contract.flowId()));
    }

    private Finished drawCertifyAndSign(Contract contract, Inputs inputs, PlatformIdentity identity,
                                        OffsetDateTime now) {
        try {
            Finished finished = drawAndCertify(contract, inputs);
            return new Finished(signer.sign(finished.pdf(), identity, new PadesSigner.Details(
                    properties.platformName(), reason(inputs.signatures()), null, GregorianCalendar.from(
                            now.atZoneSameInstant(properties.timeZone())))), finished.pages());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot seal the final PDF of " + contract.flowId(), e);
        }
    }

    private Finished drawAndCertify(Contract contract, Inputs inputs) throws IOException {
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(documents.pdfMainMemory().toBytes(),
                documents.pdfMaxScratch().toBytes());
        try (PDDocument document = Loader.loadPDF(inputs.document(), "", null, null, memory.streamCache)) {
            stamper.stamp(document, inputs.pages(), inputs.marks(), inputs.signatures(), inputs.pictures(),
                    properties.timeZone());
            CompletionCertificate.Content content = new CompletionCertificate.Content(contract, inputs.pages().size(),
                    inputs.signatures().values(), inputs.auditEntries(), properties.platformName(),
                    properties.timeZone(), signer.timestamping());
            certificate.append(document, content);
            // in the metadata too, where a program finds it without reading the certificate's pictures
            document.getDocumentInformation().setCustomMetadataValue(AUDIT_CHAIN_HEAD, content.auditChainHead());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new Finished(out.toByteArray(), document.getNumberOfPages());
        }
    }

    /**
     * Registered seals' pictures, legal representatives' seals among them (a seal drawn for an
     * organization without one travels in its signature record instead), and the uploaded images of
     * FILL_IMAGE and ATTACHMENT controls, by id.
     */
    private Map<String, byte[]> pictures(Map<String, Signature> signatures, List<SealingSources.Mark> marks) {
        Map<String, byte[]> pictures = new LinkedHashMap<>();
        signatures.values().stream().filter(s -> s.sealPng() == null).map(Signature::sealId).filter(Objects::nonNull)
                .distinct().forEach(id -> sources.sealImage(id).ifPresent(png -> pictures.put(id, png)));
        signatures.values().stream().map(Signature::legalPersonSealId).filter(Objects::nonNull)
                .distinct().forEach(id -> sources.sealImage(id).ifPresent(png -> pictures.put(id, png)));
        marks.stream().filter(m -> m.type().equals("FILL_IMAGE") && m.value() != null).map(SealingSources.Mark::value)
                .distinct().forEach(fileId -> pictures.put(fileId, sources.uploadedImage(fileId)));
        marks.stream().filter(m -> m.type().equals("ATTACHMENT")).flatMap(m -> AttachmentValue.ids(m.value()).stream())
                .distinct().forEach(id -> pictures.put(id, sources.attachmentImage(id)));
        return pictures;
    }

    /** The signature dictionary names who the platform signs for. */
    private static String reason(Map<String, Signature> signatures) {
        String parties = signatures.values().stream()
                .map(s -> s.organizationName() != null && !s.organizationName().isBlank() ? s.organizationName()
                        : s.approverName())
                .filter(Objects::nonNull).distinct().collect(Collectors.joining(", "));
        String reason = "Signed by " + parties;
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }

}
