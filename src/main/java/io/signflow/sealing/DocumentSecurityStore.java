package io.signflow.sealing;

import org.apache.commons.codec.digest.DigestUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSUpdateInfo;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * Adds PAdES long-term validation data (B-LT) to a signed PDF: a Document Security Store (ISO 32000-2,
 * 12.8.4.3) with every certificate a verifier needs — the signer's chain and the time stamping
 * authority's, both taken from the last signature itself — and the revocation lists given, plus the
 * signature's VRI entry naming them. Written as an incremental update after the signature, which it
 * leaves intact; {@link PdfSignatureVerifier} accepts such an update and nothing else after a signature.
 */
final class DocumentSecurityStore {

    static final COSName DSS = COSName.getPDFName("DSS");
    static final COSName CERTS = COSName.getPDFName("Certs");
    static final COSName CRLS = COSName.getPDFName("CRLs");
    private static final COSName VRI = COSName.getPDFName("VRI");
    private static final COSName CERT = COSName.getPDFName("Cert");
    private static final COSName CRL = COSName.getPDFName("CRL");

    private DocumentSecurityStore() {
    }

    static byte[] append(byte[] signedPdf, Collection<X509CRL> crls) throws IOException {
        try (PDDocument document = Loader.loadPDF(signedPdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            PDSignature signature = signatures.get(signatures.size() - 1);
            byte[] contents = signature.getContents(signedPdf);

            COSArray certs = new COSArray();
            for (byte[] certificate : certificates(contents)) {
                certs.add(stream(document, certificate));
            }
            COSArray revocations = new COSArray();
            for (X509CRL crl : crls) {
                revocations.add(stream(document, crl.getEncoded()));
            }
            COSDictionary vri = updated(new COSDictionary());
            vri.setItem(CERT, updated(certs));
            vri.setItem(CRL, updated(revocations));
            COSDictionary vris = updated(new COSDictionary());
            vris.setItem(COSName.getPDFName(vriKey(signature.getContents())), vri);
            COSDictionary dss = updated(new COSDictionary());
            dss.setItem(CERTS, certs);
            dss.setItem(CRLS, revocations);
            dss.setItem(VRI, vris);

            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            catalog.setItem(DSS, dss);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(signedPdf.length + 16 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (GeneralSecurityException | CMSException e) {
            throw new IOException("Cannot add the long-term validation data", e);
        }
    }

    /** The CMS's certificates, then those inside each signature timestamp, each once. */
    private static Collection<byte[]> certificates(byte[] contents) throws CMSException, IOException {
        Map<String, byte[]> unique = new LinkedHashMap<>();
        CMSSignedData cms = new CMSSignedData(contents);
        List<X509CertificateHolder> holders = new ArrayList<>(cms.getCertificates().getMatches(null));
        for (SignerInformation signer : cms.getSignerInfos()) {
            if (signer.getUnsignedAttributes() == null) {
                continue;
            }
            ASN1EncodableVector stamps = signer.getUnsignedAttributes()
                    .getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            for (int i = 0; i < stamps.size(); i++) {
                Attribute stamp = (Attribute) stamps.get(i);
                CMSSignedData token = new CMSSignedData(stamp.getAttrValues().getObjectAt(0).toASN1Primitive()
                        .getEncoded());
                holders.addAll(token.getCertificates().getMatches(null));
            }
        }
        for (X509CertificateHolder holder : holders) {
            unique.putIfAbsent(HexFormat.of().formatHex(holder.getEncoded()), holder.getEncoded());
        }
        return unique.values();
    }

    private static COSStream stream(PDDocument document, byte[] content) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(content);
        }
        return updated(stream);
    }

    private static <T extends COSUpdateInfo> T updated(T object) {
        object.setNeedToBeUpdated(true);
        return object;
    }

    /** VRI entries are keyed by the upper-case hex SHA-1 of the signature's /Contents. */
    private static String vriKey(byte[] contents) throws GeneralSecurityException {
        return DigestUtils.sha1Hex(contents).toUpperCase(Locale.ROOT);
    }
}
