package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.support.TestPdfs;
import io.signflow.support.TestTimeStampAuthority;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The platform's signature as every signed PDF gets it: countersigned by a time stamping authority
 * (PAdES-B-T, here one of the test's own on a local port) and followed by a Document Security Store
 * with both chains and the platform root's revocation list (PAdES-B-LT), which the signature check
 * accepts after the signature and nothing else. Without an authority, no timestamp and saying so.
 */
class PadesSignerTest {

    private static final TestTimeStampAuthority TSA = new TestTimeStampAuthority();
    private static final PlatformIdentity IDENTITY = PlatformCertificates.create("Signflow Test", "测试运营有限公司");

    @AfterAll
    static void stopTheAuthority() {
        TSA.close();
    }

    private static byte[] sign(TimeStampAuthority authority, PlatformIdentity identity) throws IOException {
        return new PadesSigner(authority).sign(TestPdfs.a4(2), identity,
                new PadesSigner.Details("Signflow Test", "test", null, new GregorianCalendar()));
    }

    private static TimeStampAuthority authority() {
        return new TimeStampAuthority(TSA.url(), Duration.ofSeconds(10));
    }

    @Test
    void theSignatureCarriesATimestampOverItsValueFromTheAuthority() throws Exception {
        byte[] pdf = sign(authority(), IDENTITY);

        SignerInformation signer = SignatureTools.signer(pdf);
        List<byte[]> tokens = SignatureTools.timestampTokens(pdf);
        assertThat(tokens).hasSize(1);
        TimeStampToken token = new TimeStampToken(new CMSSignedData(tokens.get(0)));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
        assertThat(token.getSID().getIssuer().toString()).isEqualTo("CN=Signflow Test TSA Root,O=Signflow Tests");
        assertThat(new PdfSignatureVerifier().verify(pdf)).singleElement().satisfies(r -> {
            assertThat(r.valid()).isTrue();
            assertThat(r.coversDocument()).isTrue();
        });
        assertThat(authority().describe()).contains("RFC 3161 timestamp from").contains(TSA.url());
        assertThat(reserved(pdf)).isGreaterThan(cms(pdf));
    }

    @Test
    void theDocumentSecurityStoreHoldsBothChainsAndTheRootsRevocationList() throws Exception {
        byte[] pdf = sign(authority(), IDENTITY);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DocumentSecurityStore.DSS);
            assertThat(dss).as("the catalog's /DSS").isNotNull();
            List<X509Certificate> certificates = new ArrayList<>();
            for (byte[] der : streams(dss.getCOSArray(DocumentSecurityStore.CERTS))) {
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)));
            }
            assertThat(certificates).containsExactlyInAnyOrder(IDENTITY.signingCertificate(), IDENTITY.root(),
                    TSA.chain().get(0), TSA.chain().get(1));
            List<byte[]> crls = streams(dss.getCOSArray(DocumentSecurityStore.CRLS));
            assertThat(crls).hasSize(1);
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                    new ByteArrayInputStream(crls.get(0)));
            crl.verify(IDENTITY.root().getPublicKey());
            assertThat(crl.getIssuerX500Principal()).isEqualTo(IDENTITY.root().getSubjectX500Principal());
            assertThat(crl.isRevoked(IDENTITY.signingCertificate())).isFalse();
            assertThat(dss.getCOSDictionary(COSName.getPDFName("VRI")).size()).isEqualTo(1);
        }
    }

    @Test
    void withoutAnAuthorityThereIsNoTimestampAndTheTextSaysSo() throws Exception {
        byte[] pdf = sign(TimeStampAuthority.none(), IDENTITY);

        assertThat(SignatureTools.timestampTokens(pdf)).isEmpty();
        assertThat(TimeStampAuthority.none().describe()).startsWith("No independent timestamp");
        assertThat(new PdfSignatureVerifier().verify(pdf)).singleElement()
                .satisfies(r -> assertThat(r.valid()).isTrue());
    }

    @Test
    void withoutAnAuthorityTheSpaceReservedIsWhatTheSignatureHoldsAndAMarginFarBelowTheFormer32Kb() throws Exception {
        byte[] pdf = sign(TimeStampAuthority.none(), IDENTITY);

        assertThat(reserved(pdf)).isGreaterThan(cms(pdf)).isLessThan(cms(pdf) + 2048).isLessThan(8 * 1024);
    }

    @Test
    void aTimestampTooLargeForTheSpaceReservedFailsTheSigningSayingSo() {
        TestTimeStampAuthority verbose = new TestTimeStampAuthority(20 * 1024);
        try {
            assertThatThrownBy(() -> sign(new TimeStampAuthority(verbose.url(), Duration.ofSeconds(10)), IDENTITY))
                    .isInstanceOf(IOException.class).hasMessageContaining("bytes, more than the")
                    .hasMessageContaining("for the time stamping authority's token");
        } finally {
            verbose.close();
        }
    }

    @Test
    void anIdentityWithoutItsRootsKeyGetsCertificatesButNoRevocationList() throws Exception {
        byte[] pdf = sign(TimeStampAuthority.none(), new PlatformIdentity(IDENTITY.privateKey(), IDENTITY.chain()));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DocumentSecurityStore.DSS);
            assertThat(dss.getCOSArray(DocumentSecurityStore.CERTS).size()).isEqualTo(2);
            assertThat(dss.getCOSArray(DocumentSecurityStore.CRLS).size()).isZero();
        }
    }

    @Test
    void anAuthorityThatRefusesFailsTheSigningRatherThanSigningWithoutATimestamp() {
        TestTimeStampAuthority down = new TestTimeStampAuthority();
        down.refuseWith(503);
        try {
            assertThatThrownBy(() -> sign(new TimeStampAuthority(down.url(), Duration.ofSeconds(5)), IDENTITY))
                    .isInstanceOf(IOException.class).hasMessageContaining("HTTP 503");
        } finally {
            down.close();
        }
    }

    @Test
    void aPageAddedAfterTheSignatureIsNotCoveredThoughTheValidationDataIs() throws Exception {
        byte[] pdf = sign(authority(), IDENTITY);
        byte[] withPage;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            withPage = out.toByteArray();
        }
        assertThat(new PdfSignatureVerifier().verify(withPage)).singleElement().satisfies(r -> {
            assertThat(r.valid()).isTrue();
            assertThat(r.coversDocument()).isFalse();
        });
    }

    @Test
    void pdfsigShowsTheTimestampedSignatureValidAndRejectsAChangedByte() throws Exception {
        Assumptions.assumeTrue(SignatureTools.pdfsigInstalled(), "pdfsig (poppler-utils) is not installed");
        byte[] pdf = sign(authority(), IDENTITY);

        String report = SignatureTools.pdfsig(pdf, "pdfsig-timestamped-signature.txt");
        assertThat(report).contains("Signature is Valid").contains("ETSI.CAdES.detached");
        byte[] changed = pdf.clone();
        int inPage = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("/MediaBox [0.0 0.0 595.") + 12;
        changed[inPage] = (byte) '1';
        assertThat(SignatureTools.pdfsig(changed, "pdfsig-timestamped-signature-changed.txt")).contains("Digest Mismatch")
                .doesNotContain("Signature is Valid");
    }

    /** The bytes the signature dictionary's /Contents has room for: the gap between its byte ranges, in hex. */
    private static int reserved(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int[] ranges = document.getSignatureDictionaries().get(0).getByteRange();
            return (ranges[2] - ranges[1] - 2) / 2;
        }
    }

    private static int cms(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new CMSSignedData(document.getSignatureDictionaries().get(0).getContents(pdf)).getEncoded().length;
        }
    }

    private static List<byte[]> streams(COSArray array) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try (var in = ((COSStream) array.getObject(i)).createInputStream()) {
                contents.add(in.readAllBytes());
            }
        }
        return contents;
    }
}
