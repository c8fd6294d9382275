package io.signflow.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.common.MasterKeys;
import io.signflow.common.SecretCipher;
import io.signflow.support.TestDatabase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The move from the old secret format and a master key rotation, on a database of the kind the run
 * uses, migrated by Flyway as the application does: secrets written the old way are all in the new
 * format once a node has started (made its {@link SecretCipher}) and read back unchanged; a rotation
 * moves them all to the new key and the old key alone reads none of them; a wrong master key stops
 * the start and changes nothing.
 */
class SecretsMigrationIT {

    private static final String OLD_KEY = "an old passphrase";
    private static final String NEW_KEY = "a new passphrase";
    private static final List<String> COLUMNS = List.of("api_key.secret_key_enc", "organization.callback_key",
            "organization.callback_token", "platform_identity.private_key_enc", "platform_identity.root_key_enc");

    @Test
    void secretsOfTheOldFormatAreReencryptedAndARotationMovesThemToTheNewKey() {
        DataSource database = migratedDatabase();
        JdbcClient jdbc = JdbcClient.create(database);
        storeOldFormatSecrets(jdbc);

        SecretCipher old = start(database, new MasterKeys(OLD_KEY, "", "unused"));
        assertThat(start(database, new MasterKeys(OLD_KEY, "", "unused")).currentKeyId())
                .as("the next start: same salt, same key").isEqualTo(old.currentKeyId());

        assertThat(storedValues(jdbc)).hasSize(4).allSatisfy(stored -> {
            assertThat(stored).startsWith("v2:" + old.currentKeyId() + ":");
            assertThat(old.decrypt(stored)).isEqualTo(LegacySecretsTest.OLD_PLAIN);
        });
        assertThat(jdbc.sql("select callback_key from organization where id = 'org-without-callback'")
                .query(String.class).optional()).isEmpty();
        // the platform root's key is kept since the old format's time: stored under the current key only
        jdbc.sql("update platform_identity set root_key_enc = ?").param(old.encrypt(LegacySecretsTest.OLD_PLAIN))
                .update();

        // a node started with the new key and the old one as previous moves nothing by itself
        SecretCipher rotated = start(database, new MasterKeys(NEW_KEY, OLD_KEY, "unused"));
        assertThat(SecretReencryption.notCurrent(jdbc, rotated)).containsOnlyKeys(COLUMNS).containsValues(1);
        SecretReencryption rotation = new SecretReencryption(rotated, new LegacySecrets(List.of(NEW_KEY, OLD_KEY)));
        assertThat(rotation.all(jdbc)).containsOnlyKeys(COLUMNS).containsValues(1).doesNotContainValue(0);
        assertThat(rotation.all(jdbc)).as("run again").containsValues(0).doesNotContainValue(1);
        assertThat(SecretReencryption.notCurrent(jdbc, rotated)).containsValues(0).doesNotContainValue(1);

        SecretCipher onlyNew = start(database, new MasterKeys(NEW_KEY, "", "unused"));
        assertThat(storedValues(jdbc)).hasSize(5).allSatisfy(stored -> {
            assertThat(onlyNew.decrypt(stored)).isEqualTo(LegacySecretsTest.OLD_PLAIN);
            assertThatThrownBy(() -> old.decrypt(stored)).hasMessageContaining("SIGNFLOW_MASTER_KEY is key "
                    + old.currentKeyId());
        });
    }

    @Test
    void aWrongMasterKeyStopsTheStartAndChangesNothing() {
        DataSource database = migratedDatabase();
        JdbcClient jdbc = JdbcClient.create(database);
        storeOldFormatSecrets(jdbc);

        assertThatThrownBy(() -> start(database, new MasterKeys("not the key they were stored with", "", "unused")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is it the key it was stored with?");

        assertThat(storedValues(jdbc)).containsOnly(LegacySecretsTest.OLD_FORMAT).hasSize(4);
        start(database, new MasterKeys(OLD_KEY, "", "unused"));
        assertThat(storedValues(jdbc)).noneMatch(LegacySecretsTest.OLD_FORMAT::equals);
    }

    /** What a node does on start before any bean reads a secret. */
    private static SecretCipher start(DataSource database, MasterKeys keys) {
        return new SecretsConfig().secretCipher(JdbcClient.create(database), keys,
                new TransactionTemplate(new DataSourceTransactionManager(database)), Clock.systemUTC());
    }

    /** One value in each encrypted column, as the SecretCipher before key derivation wrote them. */
    private static void storeOldFormatSecrets(JdbcClient jdbc) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("insert into organization (id, name, callback_url, callback_key, callback_token, created_at) "
                        + "values ('org-with-callback', 'Old', 'https://example.com/cb', ?, ?, ?)")
                .params(LegacySecretsTest.OLD_FORMAT, LegacySecretsTest.OLD_FORMAT, now).update();
        jdbc.sql("insert into organization (id, name, created_at) values ('org-without-callback', 'Other', ?)")
                .param(now).update();
        jdbc.sql("insert into api_key (secret_id, organization_id, secret_key_enc, created_at) "
                + "values ('AKIDold', 'org-with-callback', ?, ?)").params(LegacySecretsTest.OLD_FORMAT, now).update();
        jdbc.sql("insert into platform_identity (id, private_key_enc, certificate_chain, created_at) "
                + "values ('default', ?, 'PEM', ?)").params(LegacySecretsTest.OLD_FORMAT, now).update();
    }

    private static List<String> storedValues(JdbcClient jdbc) {
        return jdbc.sql("select secret_key_enc from api_key union all select callback_key from organization "
                        + "where callback_key is not null union all select callback_token from organization "
                        + "where callback_token is not null union all select private_key_enc from platform_identity "
                        + "union all select root_key_enc from platform_identity where root_key_enc is not null")
                .query(String.class).list();
    }

    private static DataSource migratedDatabase() {
        DataSource database = TestDatabase.fresh("signflow_secrets_");
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .table("signflow_schema_history").load().migrate();
        return database;
    }
}
