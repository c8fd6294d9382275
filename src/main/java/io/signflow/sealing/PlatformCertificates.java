package io.signflow.sealing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates the platform's own identity: a root certificate authority and, issued by it, the
 * document-signing certificate. Both name the platform in their common name and the organization
 * that runs it as organization (O), so a reader's signature panel says who stands behind the
 * signature. RSA 3072 and SHA-256, which every PDF reader verifies.
 */
final class PlatformCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
    private static final Duration SIGNING_VALIDITY = Duration.ofDays(10 * 365);

    private PlatformCertificates() {
    }

    static PlatformIdentity create(String platformName, String organizationName) {
        try {
            KeyPair rootKeys = keyPair();
            KeyPair signingKeys = keyPair();
            Instant now = Instant.now();
            X500Name rootName = name(platformName + " Root CA", organizationName);
            X500Name signingName = name(platformName + " Document Signing", organizationName);

            X509v3CertificateBuilder root = builder(rootName, rootName, rootKeys.getPublic(), now, ROOT_VALIDITY);
            root.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            root.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            root.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(rootKeys.getPublic()));
            X509Certificate rootCertificate = sign(root, rootKeys);

            X509v3CertificateBuilder signing = builder(rootName, signingName, signingKeys.getPublic(), now,
                    SIGNING_VALIDITY);
            signing.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            signing.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            signing.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(rootCertificate));
            signing.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(signingKeys.getPublic()));
            X509Certificate signingCertificate = sign(signing, rootKeys);

            return new PlatformIdentity(signingKeys.getPrivate(), List.of(signingCertificate, rootCertificate),
                    rootKeys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("Cannot create the platform's signing certificates", e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072, RANDOM);
        return generator.generateKeyPair();
    }

    private static X500Name name(String commonName, String organization) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).addRDN(BCStyle.O, organization)
                .build();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant now,
                                                    Duration validity) {
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(128, RANDOM).abs(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }
}
