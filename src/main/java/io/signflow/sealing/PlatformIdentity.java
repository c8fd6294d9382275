package io.signflow.sealing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The key the platform signs final PDFs with, and its chain: the signing certificate first, the root last.
 * {@code rootKey} is the root's key when the platform is its own certificate authority (the generated
 * identity), so that it can state its signing certificate's revocation status; null for an operator's
 * PKCS#12 and for identities generated before the root's key was kept.
 */
public record PlatformIdentity(PrivateKey privateKey, List<X509Certificate> chain, PrivateKey rootKey) {

    public PlatformIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
        this(privateKey, chain, null);
    }

    public X509Certificate signingCertificate() {
        return chain.get(0);
    }

    public X509Certificate root() {
        return chain.get(chain.size() - 1);
    }

    public Optional<PrivateKey> issuingKey() {
        return Optional.ofNullable(rootKey);
    }

    @Override
    public String toString() {
        return "PlatformIdentity[" + signingCertificate().getSubjectX500Principal() + "]";
    }
}
