package io.signflow.sealing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The key the platform signs final PDFs with, and its chain: the signing certificate first, the root last. */
public record PlatformIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

    public X509Certificate signingCertificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "PlatformIdentity[" + signingCertificate().getSubjectX500Principal() + "]";
    }
}
