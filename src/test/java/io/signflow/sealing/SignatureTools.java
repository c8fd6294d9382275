package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * Looks at signed PDFs from outside the application: poppler's pdfsig, and OpenSSL on the signature's
 * timestamp token. What they print is kept under target/test-artifacts.
 */
public final class SignatureTools {

    static final Path ARTIFACTS = Path.of("target", "test-artifacts");

    private SignatureTools() {
    }

    public static boolean pdfsigInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/pdfsig"));
    }

    /** pdfsig's report on the file; kept as {@code artifact} unless that is null. */
    public static String pdfsig(byte[] pdf, String artifact) throws IOException, InterruptedException {
        Path file = Files.createTempFile("signed", ".pdf");
        try {
            Files.write(file, pdf);
            return run(artifact, "pdfsig", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** OpenSSL's reading of an RFC 3161 token: the authority's name, the time, the imprint. */
    static String openSslTimestamp(byte[] token, String artifact) throws IOException, InterruptedException {
        Path file = Files.createTempFile("token", ".der");
        try {
            Files.write(file, token);
            return run(artifact, "openssl", "ts", "-reply", "-in", file.toString(), "-token_in", "-text");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The first signature's CMS signer. */
    static SignerInformation signer(byte[] pdf) throws IOException, CMSException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            byte[] contents = document.getSignatureDictionaries().get(0).getContents(pdf);
            return new CMSSignedData(contents).getSignerInfos().getSigners().iterator().next();
        }
    }

    /** The signature-time-stamp tokens of the first signature, DER-encoded. */
    static List<byte[]> timestampTokens(byte[] pdf) throws IOException, CMSException {
        List<byte[]> tokens = new ArrayList<>();
        SignerInformation signer = signer(pdf);
        if (signer.getUnsignedAttributes() != null) {
            var stamps = signer.getUnsignedAttributes().getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            for (int i = 0; i < stamps.size(); i++) {
                tokens.add(((Attribute) stamps.get(i)).getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded());
            }
        }
        return tokens;
    }

    private static String run(String artifact, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        if (artifact != null) {
            Files.writeString(Files.createDirectories(ARTIFACTS).resolve(artifact), output);
        }
        return output;
    }
}
