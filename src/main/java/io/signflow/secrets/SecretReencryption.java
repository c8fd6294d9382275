package io.signflow.secrets;

import io.signflow.common.SecretCipher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts stored secrets under the current master key: values of the old format (no key id) at every
 * start, and in a rotation also values under another key (the previous one). Values already under the
 * current key are left alone, so running it twice changes nothing. Each row is replaced only if it
 * still holds what was read, so a secret changed meanwhile (a new callback key), or moved by another
 * node starting at the same moment, is not overwritten.
 */
final class SecretReencryption {

    private final SecretCipher cipher;
    private final LegacySecrets legacy;

    SecretReencryption(SecretCipher cipher, LegacySecrets legacy) {
        this.cipher = cipher;
        this.legacy = legacy;
    }

    /** Values of the old format re-encrypted, per column ({@code table.column}). */
    Map<String, Integer> oldFormat(JdbcClient jdbc) {
        return run(jdbc, stored -> SecretCipher.keyIdOf(stored) == null);
    }

    /** Values not under the current key re-encrypted, per column. */
    Map<String, Integer> all(JdbcClient jdbc) {
        return run(jdbc, stored -> !cipher.isCurrent(stored));
    }

    private Map<String, Integer> run(JdbcClient jdbc, Predicate<String> due) {
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (EncryptedColumn column : EncryptedColumn.ALL) {
            List<Map.Entry<String, String>> rows = jdbc.sql("select " + column.key() + ", " + column.column()
                            + " from " + column.table() + " where " + column.column() + " is not null")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
            int count = 0;
            for (Map.Entry<String, String> row : rows) {
                String stored = row.getValue();
                if (!due.test(stored)) {
                    continue;
                }
                String plain = SecretCipher.keyIdOf(stored) != null ? cipher.decrypt(stored) : legacy.decrypt(stored);
                count += jdbc.sql("update " + column.table() + " set " + column.column() + " = ? where "
                                + column.key() + " = ? and " + column.column() + " = ?")
                        .params(cipher.encrypt(plain), row.getKey(), stored).update();
            }
            changed.put(column.name(), count);
        }
        return changed;
    }

    /** Values not under the current master key, per column: none once a rotation is complete. */
    static Map<String, Integer> notCurrent(JdbcClient jdbc, SecretCipher cipher) {
        Map<String, Integer> left = new LinkedHashMap<>();
        for (EncryptedColumn column : EncryptedColumn.ALL) {
            // streamed, since a table may hold many; the stream holds the statement open until closed
            try (Stream<String> stored = jdbc.sql("select " + column.column() + " from " + column.table()
                    + " where " + column.column() + " is not null").query(String.class).stream()) {
                left.put(column.name(), (int) stored.filter(value -> !cipher.isCurrent(value)).count());
            }
        }
        return left;
    }
}
