package io.signflow.secrets;

import io.signflow.common.MasterKeys;
import io.signflow.common.SecretCipher;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class SecretsConfig {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfig.class);

    /**
     * Made once per node (deriving the keys costs scrypt's 32 MiB and about 0.1 s per master key), and
     * only once the secrets stored in the format of before key derivation are re-encrypted, so that no
     * bean ever meets one. That upgrade runs at every start and finds nothing to do after the first:
     * the format prefix is its version, and it is idempotent and safe for nodes starting together. A
     * wrong master key stops the start there, with everything unchanged (one transaction).
     */
    @Bean
    SecretCipher secretCipher(JdbcClient jdbc, MasterKeys keys, TransactionTemplate transaction, Clock clock) {
        SecretCipher cipher = new SecretCipher(keys.all(), KeyDerivationTable.readOrCreate(jdbc,
                OffsetDateTime.now(clock)));
        Map<String, Integer> upgraded = transaction.execute(status ->
                new SecretReencryption(cipher, new LegacySecrets(keys.all())).oldFormat(jdbc));
        if (upgraded.values().stream().anyMatch(n -> n > 0)) {
            log.info("Secrets of the old format re-encrypted under master key {}: {}", cipher.currentKeyId(), upgraded);
        }
        return cipher;
    }
}
