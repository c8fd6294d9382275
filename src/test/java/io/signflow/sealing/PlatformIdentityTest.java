package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.support.TestPdfs;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's signing identity: the generated certificates name the platform and the organization
 * that runs it, and an operator's own PKCS#12 is used instead when configured, signing PDFs that
 * verify against the operator's certificate.
 */
class PlatformIdentityTest {

    private static final PlatformIdentity GENERATED = PlatformCertificates.create("签流平台", "示例运营有限公司");

    @Test
    void theGeneratedCertificatesNameThePlatformAndItsOperatingOrganization() {
        X509Certificate signing = GENERATED.signingCertificate();
        X509Certificate root = GENERATED.chain().get(1);

        assertThat(signing.getSubjectX500Principal().getName(X500Principal.RFC2253))
                .isEqualTo("O=示例运营有限公司,CN=签流平台 Document Signing");
        assertThat(root.getSubjectX500Principal().getName(X500Principal.RFC2253))
                .isEqualTo("O=示例运营有限公司,CN=签流平台 Root CA");
        assertThat(signing.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
    }

    @Test
    void anOperatorsPkcs12IsUsedAndItsSignaturesVerify(@TempDir Path directory) throws Exception {
        PlatformIdentity own = PlatformCertificates.create("Operator CA", "自有证书有限公司");
        Path file = pkcs12(directory, own, "s3cret");

        PlatformIdentity used = store(file, "s3cret").identity();

        assertThat(used.signingCertificate()).isEqualTo(own.signingCertificate());
        assertThat(used.chain()).containsExactlyElementsOf(own.chain());
        byte[] signed = new PadesSigner(TimeStampAuthority.none()).sign(TestPdfs.a4(1), used, new PadesSigner.Details("Operator CA",
                "test", null, new GregorianCalendar()));
        List<PdfSignatureVerifier.Result> results = new PdfSignatureVerifier().verify(signed);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.valid()).isTrue();
            assertThat(r.coversDocument()).isTrue();
            assertThat(r.certificate()).isEqualTo(own.signingCertificate());
        });
    }

    @Test
    void aPkcs12WithTheWrongPasswordStopsTheStartWithAClearReason(@TempDir Path directory) throws Exception {
        Path file = pkcs12(directory, GENERATED, "right");

        assertThatThrownBy(() -> store(file, "wrong").identity())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wrong password?");
    }

    private static PlatformIdentityStore store(Path pkcs12, String password) {
        SealingProperties properties = new SealingProperties("Signflow", "Signflow operator", pkcs12.toString(),
                password, Duration.ofMinutes(5), Duration.ofHours(24), ZoneId.of("Asia/Shanghai"), "",
                Duration.ofSeconds(10), 0, 19);
        // with a PKCS#12 configured the database is never asked
        return new PlatformIdentityStore(null, null, properties, null, Clock.systemUTC());
    }

    private static Path pkcs12(Path directory, PlatformIdentity identity, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signing", identity.privateKey(), password.toCharArray(),
                identity.chain().toArray(Certificate[]::new));
        Path file = directory.resolve("operator.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
