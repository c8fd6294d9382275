package io.signflow.secrets;

import io.signflow.common.MasterKeys;
import io.signflow.common.SecretCipher;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second step of a master key rotation (docs/operating.md): once every node runs with the new
 * {@code SIGNFLOW_MASTER_KEY} and the old one as {@code SIGNFLOW_MASTER_KEY_PREVIOUS}, this puts every
 * stored secret under the new key, in one transaction, and says what is left under another key (nothing,
 * unless a value is unreadable). Running it again changes nothing.
 */
@RestController
class AdminSecretsController {

    private static final Logger log = LoggerFactory.getLogger(AdminSecretsController.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final MasterKeys keys;
    private final TransactionTemplate transaction;

    AdminSecretsController(JdbcClient jdbc, SecretCipher cipher, MasterKeys keys, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.keys = keys;
        this.transaction = transaction;
    }

    record Rotation(String keyId, Map<String, Integer> reencrypted, Map<String, Integer> notUnderCurrentKey) {
    }

    @PostMapping("/admin/secrets/rotate")
    Rotation rotate() {
        Map<String, Integer> reencrypted = transaction.execute(status ->
                new SecretReencryption(cipher, new LegacySecrets(keys.all())).all(jdbc));
        log.info("Stored secrets re-encrypted under master key {}: {}", cipher.currentKeyId(), reencrypted);
        return new Rotation(cipher.currentKeyId(), reencrypted, SecretReencryption.notCurrent(jdbc, cipher));
    }
}
