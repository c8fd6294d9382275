package io.signflow.sealing;

import io.signflow.common.SecretCipher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the platform's signing identity comes from. An operator's PKCS#12 file, if configured, wins.
 * Otherwise the identity lives in the database so every node of a cluster signs with the same one:
 * the first node to start creates it, the private key encrypted with the master key; a node that
 * loses the race to create it reads the winner's.
 */
@Component
public class PlatformIdentityStore {

    private static final Logger log = LoggerFactory.getLogger(PlatformIdentityStore.class);
    private static final String ROW = "default";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final SealingProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private volatile PlatformIdentity identity;

    public PlatformIdentityStore(JdbcClient jdbc, SecretCipher cipher, SealingProperties properties,
                                 PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Created on start, not at the first completed contract, so a key problem shows at once. */
    @EventListener(ApplicationReadyEvent.class)
    public void prepare() {
        PlatformIdentity current = identity();
        log.info("Signing final PDFs as {}", current.signingCertificate().getSubjectX500Principal());
        if (current.issuingKey().isEmpty()) {
            log.warn("The platform does not hold the key of its certificate's issuer, so final PDFs carry no "
                    + "revocation information for it: their long-term validation data holds certificates only");
        }
    }

    public PlatformIdentity identity() {
        PlatformIdentity current = identity;
        if (current == null) {
            synchronized (this) {
                if (identity == null) {
                    identity = properties.pkcs12Path().isBlank() ? fromDatabase() : fromPkcs12(Path.of(properties.pkcs12Path()));
                }
                current = identity;
            }
        }
        return current;
    }

    private PlatformIdentity fromDatabase() {
        PlatformIdentity found = ownTransaction.execute(status -> read().orElseGet(this::createOrNullIfRaced));
        return found != null ? found : ownTransaction.execute(status -> read().orElseThrow());
    }

    private PlatformIdentity createOrNullIfRaced() {
        PlatformIdentity created = PlatformCertificates.create(properties.platformName(),
                properties.organizationName());
        try {
            jdbc.sql("insert into platform_identity (id, private_key_enc, certificate_chain, created_at, root_key_enc) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(ROW, encrypted(created.privateKey()), pem(created.chain()), OffsetDateTime.now(clock),
                            encrypted(created.rootKey()))
                    .update();
            log.info("Created the platform's signing identity");
            return created;
        } catch (DuplicateKeyException raced) {
            return null;
        }
    }

    private Optional<PlatformIdentity> read() {
        return jdbc.sql("select private_key_enc, certificate_chain, root_key_enc from platform_identity where id = ?")
                .param(ROW)
                .query((rs, n) -> new PlatformIdentity(privateKey(cipher.decrypt(rs.getString(1))),
                        certificates(rs.getString(2).getBytes(StandardCharsets.US_ASCII)),
                        rs.getString(3) == null ? null : privateKey(cipher.decrypt(rs.getString(3)))))
                .optional();
    }

    private String encrypted(PrivateKey key) {
        return cipher.encrypt(Base64.getEncoder().encodeToString(key.getEncoded()));
    }

    private PlatformIdentity fromPkcs12(Path file) {
        char[] password = properties.pkcs12Password().toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
                            .map(X509Certificate.class::cast).toList();
                    log.info("Using the signing identity '{}' from {}", alias, file);
                    return new PlatformIdentity((PrivateKey) store.getKey(alias, password), chain);
                }
            }
            throw new IllegalStateException(file + " holds no private key");
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException caused by an unrecoverable key
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                throw new IllegalStateException("Cannot open the signing identity " + file + ": wrong password?", e);
            }
            throw new UncheckedIOException("Cannot read the signing identity " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the signing identity " + file + ": wrong password?", e);
        }
    }

    private static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored platform key is unreadable", e);
        }
    }

    private static List<X509Certificate> certificates(byte[] pem) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored platform certificates are unreadable", e);
        }
    }

    private static String pem(List<X509Certificate> chain) {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder();
        for (Certificate certificate : chain) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }
}
