package io.signflow.secrets;

import io.signflow.common.MasterKeys;
import io.signflow.common.SecretCipher;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Moves the secrets stored before key derivation (AES key = SHA-256 of the passphrase, no key id) to the
 * current format: creates the installation's scrypt salt and re-encrypts every encrypted column. A
 * Flyway migration, so it runs once per database, under Flyway's lock (nodes of a cluster starting at
 * once do not race) and in the migration's transaction (all values move or none). It needs the master
 * key, hence Java and a Spring bean (Spring Boot hands Flyway the {@code JavaMigration} beans). A wrong
 * master key fails it, and with it the start, without changing anything.
 */
@Component
public class V21__ReencryptStoredSecrets extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V21__ReencryptStoredSecrets.class);

    private final MasterKeys keys;
    private final Clock clock;

    public V21__ReencryptStoredSecrets(MasterKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        SecretCipher cipher = new SecretCipher(keys.all(),
                KeyDerivationTable.createIfAbsent(jdbc, OffsetDateTime.now(clock)));
        Map<String, Integer> changed = new SecretReencryption(cipher, new LegacySecrets(keys.all())).run(jdbc);
        log.info("Stored secrets re-encrypted under master key {}: {}", cipher.currentKeyId(), changed);
    }
}
