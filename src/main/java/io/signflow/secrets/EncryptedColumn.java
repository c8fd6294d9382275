package io.signflow.secrets;

import java.util.List;

/**
 * A column holding values encrypted with {@link io.signflow.common.SecretCipher}, and the primary key
 * that names its rows. A column added to this list is re-encrypted by the migration and by a key
 * rotation; one left out would stay under the old key and become unreadable once it is gone.
 */
record EncryptedColumn(String table, String key, String column) {

    static final List<EncryptedColumn> ALL = List.of(
            new EncryptedColumn("api_key", "secret_id", "secret_key_enc"),
            new EncryptedColumn("organization", "id", "callback_key"),
            new EncryptedColumn("organization", "id", "callback_token"),
            new EncryptedColumn("platform_identity", "id", "private_key_enc"),
            new EncryptedColumn("platform_identity", "id", "root_key_enc"));

    String name() {
        return table + "." + column;
    }
}
