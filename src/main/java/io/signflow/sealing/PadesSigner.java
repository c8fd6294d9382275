package io.signflow.sealing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Component;

/**
 * Applies the platform's PAdES baseline signature ({@code ETSI.CAdES.detached}) to a finished PDF as an
 * incremental update: a CMS SignedData over the file's byte ranges, with the signing-certificate-v2
 * attribute binding the certificate and the signing time in the signature dictionary, not in the CMS,
 * as PAdES requires. With a {@link TimeStampAuthority} configured, the signature value is countersigned
 * by it (the signature-time-stamp unsigned attribute, PAdES-B-T). Then a second incremental update adds
 * the long-term validation data ({@link DocumentSecurityStore}, PAdES-B-LT): every certificate of the
 * platform's and the authority's chains and the platform root's revocation list, so the signature can be
 * checked after the platform's certificate has expired. Every PDF the platform signs gets all of this.
 */
@Component
public class PadesSigner {

    private static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    /**
     * The part of the CMS not counted from the identity: the SignedData and SignerInfo structure, algorithm
     * identifiers, the signer's issuer and serial number, the content-type, message-digest and
     * algorithm-protection attributes (300 bytes together with a generated identity), and room to spare.
     */
    private static final int SAFETY_MARGIN = 1024;
    /**
     * The authority's token: its own SignedData with the time stamp info, the authority's signature and the
     * certificates it includes (asked for: the token is checked against them). The authority is only a URL,
     * so its chain is unknown until it answers; this is room for a 4096-bit signature and a chain of four
     * certificates of 3 KB each (the test authority's token, with two 2048-bit certificates, is 2.4 KB).
     */
    private static final int TIMESTAMP_ALLOWANCE = 16 * 1024;

    private final TimeStampAuthority timeStamps;

    public PadesSigner(TimeStampAuthority timeStamps) {
        this.timeStamps = timeStamps;
    }

    /** What the signature's time rests on, for the certificate of completion or a report drawn before signing. */
    public String timestamping() {
        return timeStamps.describe();
    }

    public record Details(String name, String reason, String location, Calendar signTime) {
    }

    public byte[] sign(byte[] pdf, PlatformIdentity identity, Details details) throws IOException {
        AttributeTable signedAttributes = signingCertificateV2(identity.signingCertificate());
        int reserved = reservation(identity, signedAttributes);
        try (PDDocument document = Loader.loadPDF(pdf);
             SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(details.name());
            signature.setReason(details.reason());
            signature.setLocation(details.location());
            signature.setSignDate(details.signTime());
            options.setPreferredSignatureSize(reserved);
            document.addSignature(signature, content -> cms(content, identity, signedAttributes, reserved), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + reserved * 2 + 4096);
            document.saveIncremental(out);
            return DocumentSecurityStore.append(out.toByteArray(),
                    PlatformRevocationList.issue(identity, details.signTime().toInstant()).stream().toList());
        }
    }

    /**
     * The bytes reserved in the signature's /Contents for the CMS: what it will hold, plus a margin. The
     * reservation is written as hex, one byte at a time, into every signed PDF, so each byte reserved costs
     * CPU on every seal and two bytes in every file; a flat 32 KB was a third of the signing's CPU. A CMS
     * larger than the reservation fails the signing (in {@link #cms}), which the sealing job retries and then
     * raises as an incident: nothing is ever cut short.
     */
    private int reservation(PlatformIdentity identity, AttributeTable signedAttributes) throws IOException {
        int size = signedAttributes.toASN1Structure().getEncoded().length
                + (((RSAKey) identity.privateKey()).getModulus().bitLength() + 7) / 8 + SAFETY_MARGIN;
        for (X509Certificate certificate : identity.chain()) {
            size += encoded(certificate).length;
        }
        return timeStamps.configured() ? size + TIMESTAMP_ALLOWANCE : size;
    }

    private byte[] cms(InputStream content, PlatformIdentity identity, AttributeTable signedAttributes, int reserved)
            throws IOException {
        byte[] cms;
        try {
            X509Certificate certificate = identity.signingCertificate();
            JcaSignerInfoGeneratorBuilder signerInfo = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build());
            signerInfo.setSignedAttributeGenerator(new WithoutSigningTime(signedAttributes));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(identity.privateKey()), certificate));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
            cms = (timeStamps.configured() ? timestamped(signed) : signed).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("Cannot create the PDF signature", e);
        }
        if (cms.length > reserved) {
            throw new IOException("The PDF signature is " + cms.length + " bytes, more than the " + reserved
                    + " reserved for it" + (timeStamps.configured() ? " (of which " + TIMESTAMP_ALLOWANCE
                    + " for the time stamping authority's token)" : ""));
        }
        return cms;
    }

    /** The authority's token over the signature value, as the signer's signature-time-stamp attribute. */
    private CMSSignedData timestamped(CMSSignedData signed) throws IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        TimeStampToken token = timeStamps.stamp(signer.getSignature());
        Attribute stamp = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(token.toCMSSignedData().toASN1Structure()));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(stamp));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    private static AttributeTable signingCertificateV2(X509Certificate certificate) throws IOException {
        byte[] hash = DigestUtils.sha256(encoded(certificate));
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                certificate.getSerialNumber());
        Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash, issuerSerial)})));
        return new AttributeTable(attribute);
    }

    private static byte[] encoded(X509Certificate certificate) throws IOException {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IOException("Cannot encode the certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** PAdES baseline forbids the CMS signing-time attribute: the time is the dictionary's /M. */
    private static final class WithoutSigningTime extends DefaultSignedAttributeTableGenerator {

        WithoutSigningTime(AttributeTable attributes) {
            super(attributes);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable table = super.createStandardAttributeTable(parameters);
            table.remove(CMSAttributes.signingTime);
            return table;
        }
    }
}
