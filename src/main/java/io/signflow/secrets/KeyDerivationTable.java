package io.signflow.secrets;

import io.signflow.common.KeyDerivation;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The installation's key derivation parameters (table {@code key_derivation}, one row). */
final class KeyDerivationTable {

    private static final String ROW = "default";

    private KeyDerivationTable() {
    }

    /** The first node to start makes them; one that loses that race reads the winner's. */
    static KeyDerivation readOrCreate(JdbcClient jdbc, OffsetDateTime now) {
        return find(jdbc).orElseGet(() -> {
            KeyDerivation fresh = KeyDerivation.fresh();
            try {
                jdbc.sql("insert into key_derivation (id, salt, cost, block_size, parallelism, created_at) "
                                + "values (?, ?, ?, ?, ?, ?)")
                        .params(ROW, Base64.getEncoder().encodeToString(fresh.salt()), fresh.cost(),
                                fresh.blockSize(), fresh.parallelism(), now)
                        .update();
                return fresh;
            } catch (DuplicateKeyException raced) {
                return find(jdbc).orElseThrow();
            }
        });
    }

    private static Optional<KeyDerivation> find(JdbcClient jdbc) {
        return jdbc.sql("select salt, cost, block_size, parallelism from key_derivation where id = ?").param(ROW)
                .query((rs, n) -> new KeyDerivation(Base64.getDecoder().decode(rs.getString(1)), rs.getInt(2),
                        rs.getInt(3), rs.getInt(4)))
                .optional();
    }
}
