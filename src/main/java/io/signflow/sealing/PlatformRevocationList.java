package io.signflow.sealing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The platform's root, as certificate authority of its own signing certificate, states that nothing it
 * issued is revoked: a CRL signed at signing time, which goes into the PDF's validation data so that a
 * verifier years later finds the revocation status as it was when the document was signed. The
 * platform never revokes its signing certificate (replacing the identity makes a new root), so the list
 * is empty.
 */
final class PlatformRevocationList {

    /** How long a verifier may take the list as current, as for any CRL; the PDF keeps it beyond that. */
    private static final Duration VALIDITY = Duration.ofDays(7);

    private PlatformRevocationList() {
    }

    /** Empty when the platform does not hold its root's key (an operator's PKCS#12, an older identity). */
    static Optional<X509CRL> issue(PlatformIdentity identity, Instant now) {
        return identity.issuingKey().map(rootKey -> {
            try {
                X509v2CRLBuilder builder = new X509v2CRLBuilder(
                        X500Name.getInstance(identity.root().getSubjectX500Principal().getEncoded()), Date.from(now));
                builder.setNextUpdate(Date.from(now.plus(VALIDITY)));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(identity.root()));
                builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
                return new JcaX509CRLConverter().getCRL(
                        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKey)));
            } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
                throw new IllegalStateException("Cannot issue the platform's revocation list", e);
            }
        });
    }
}
