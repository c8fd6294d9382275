package io.signflow.secrets;

import io.signflow.common.KeyDerivation;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The installation's key derivation parameters (table {@code key_derivation}, one row). */
final class KeyDerivationTable {

    private static final String ROW = "default";

    private KeyDerivationTable() {
    }

    static KeyDerivation read(JdbcClient jdbc) {
        return find(jdbc).orElseThrow(() -> new IllegalStateException("key_derivation is empty: the database "
                + "migrations (V21) have not run"));
    }

    /** Made by the migration that introduced it, which Flyway runs once, under its lock. */
    static KeyDerivation createIfAbsent(JdbcClient jdbc, OffsetDateTime now) {
        return find(jdbc).orElseGet(() -> {
            KeyDerivation fresh = KeyDerivation.fresh();
            jdbc.sql("insert into key_derivation (id, salt, cost, block_size, parallelism, created_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(ROW, Base64.getEncoder().encodeToString(fresh.salt()), fresh.cost(), fresh.blockSize(),
                            fresh.parallelism(), now)
                    .update();
            return fresh;
        });
    }

    private static Optional<KeyDerivation> find(JdbcClient jdbc) {
        return jdbc.sql("select salt, cost, block_size, parallelism from key_derivation where id = ?").param(ROW)
                .query((rs, n) -> new KeyDerivation(Base64.getDecoder().decode(rs.getString(1)), rs.getInt(2),
                        rs.getInt(3), rs.getInt(4)))
                .optional();
    }
}
