package io.signflow.sealing;

import org.apache.commons.codec.digest.DigestUtils;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.springframework.stereotype.Component;

/**
 * Checks every digital signature in a PDF: the CMS signature over its byte ranges, the certificate it
 * names, and whether the last one covers the whole file: nothing appended after signing but long-term
 * validation data ({@link ValidationDataUpdate}). Each result
 * also says where the signature's field is: its page and box in pt from the page's top-left, all zero
 * for an invisible signature (the platform's is one), and the SHA-256 of the bytes it signs (the
 * digest its CMS signature binds).
 */
@Component
public class PdfSignatureVerifier {

    public record Result(boolean valid, boolean coversDocument, String signerName, String subject,
                         String serialNumber, Instant signTime, Instant notBefore, Instant notAfter,
                         String algorithm, X509Certificate certificate, Position position, String signedSha256) {
    }

    /** Where a signature's field is; {@code page} is 1-based, 0 when the field has no page. */
    public record Position(float x, float y, float width, float height, int page) {
    }

    public List<Result> verify(byte[] pdf) throws IOException {
        List<Result> results = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignatureField field : document.getSignatureFields()) {
                if (field.getSignature() != null) {
                    results.add(verify(document, field.getSignature(), pdf, position(document, field)));
                }
            }
        }
        return results;
    }

    private static Position position(PDDocument document, PDSignatureField field) {
        if (field.getWidgets().isEmpty()) {
            return new Position(0, 0, 0, 0, 0);
        }
        PDAnnotationWidget widget = field.getWidgets().get(0);
        int page = widget.getPage() == null ? 0 : document.getPages().indexOf(widget.getPage()) + 1;
        PDRectangle box = widget.getRectangle();
        if (box == null || box.getWidth() == 0 || box.getHeight() == 0 || page == 0) {
            return new Position(0, 0, 0, 0, page);
        }
        float pageHeight = widget.getPage().getMediaBox().getHeight();
        return new Position(box.getLowerLeftX(), pageHeight - box.getUpperRightY(), box.getWidth(), box.getHeight(),
                page);
    }

    private static Result verify(PDDocument document, PDSignature signature, byte[] pdf, Position position)
            throws IOException {
        int[] range = signature.getByteRange();
        boolean coversDocument = range.length == 4 && range[0] == 0 && ((long) range[2] + range[3] == pdf.length
                || (long) range[2] + range[3] < pdf.length
                && ValidationDataUpdate.onlyAfter(document, pdf, range[2] + range[3]));
        Instant signTime = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        byte[] signed = signature.getSignedContent(pdf);
        String signedSha256 = DigestUtils.sha256Hex(signed);
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed),
                    signature.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) signer.getSID());
            if (matches.isEmpty()) {
                return new Result(false, coversDocument, signature.getName(), null, null, signTime, null, null, null, null,
                        position, signedSha256);
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            return new Result(valid, coversDocument, signature.getName(),
                    certificate.getSubjectX500Principal().getName(), certificate.getSerialNumber().toString(16),
                    signTime, certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                    certificate.getSigAlgName(), certificate, position, signedSha256);
        } catch (CMSException | CertificateException | OperatorCreationException | RuntimeException e) {
            return new Result(false, coversDocument, signature.getName(), null, null, signTime, null, null, null, null,
                    position, signedSha256);
        }
    }
}
