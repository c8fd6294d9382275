package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class RowsTest {

    private final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource("jdbc:h2:mem:rows" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));

    record Signature(long id, String recipientId, boolean noRefuse, Instant signedAt) {
    }

    @Test
    void mapsEachComponentFromItsSnakeCaseColumnAndConvertsItsType() {
        List<Signature> rows = jdbc.sql("select 7 as id, 'yDw' as recipient_id, true as no_refuse, "
                + "timestamp with time zone '2026-12-06 10:00:00+00' as signed_at").query(Rows.of(Signature.class)).list();

        assertThat(rows).containsExactly(new Signature(7, "yDw", true, Instant.parse("2026-12-06T10:00:00Z")));
    }

    @Test
    void takesAColumnOfTheComponentsOwnNameWhenNoneHasTheSnakeCaseOne() {
        Signature row = jdbc.sql("select 1 as id, 'r' as \"recipientId\", false as \"noRefuse\", "
                + "timestamp with time zone '2026-12-06 10:00:00+00' as \"signedAt\"").query(Rows.of(Signature.class)).single();

        assertThat(row.recipientId()).isEqualTo("r");
        assertThat(row.noRefuse()).isFalse();
    }

    @Test
    void matchesAgainWhenTheSameRecordComesFromColumnsInAnotherOrder() {
        String signedAt = "timestamp with time zone '2026-12-06 10:00:00+00' as signed_at";
        Signature first = jdbc.sql("select 1 as id, 'a' as recipient_id, true as no_refuse, " + signedAt)
                .query(Rows.of(Signature.class)).single();
        Signature second = jdbc.sql("select " + signedAt + ", false as no_refuse, 'b' as recipient_id, 2 as id")
                .query(Rows.of(Signature.class)).single();

        assertThat(first).isEqualTo(new Signature(1, "a", true, Instant.parse("2026-12-06T10:00:00Z")));
        assertThat(second).isEqualTo(new Signature(2, "b", false, Instant.parse("2026-12-06T10:00:00Z")));
    }

    @Test
    void neverAsksTheDriverForAColumnByName() {
        AtomicInteger lookups = new AtomicInteger();
        List<Signature> rows = jdbc.sql("select x as id, 'r' || x as recipient_id, x > 1 as no_refuse, "
                + "timestamp with time zone '2026-12-06 10:00:00+00' as signed_at from system_range(1, 3)")
                .query(rs -> {
                    ResultSet counting = countingFindColumn(rs, lookups);
                    List<Signature> mapped = new ArrayList<>();
                    while (counting.next()) {
                        mapped.add(Rows.of(Signature.class).mapRow(counting, mapped.size()));
                    }
                    return mapped;
                });

        assertThat(rows).extracting(Signature::recipientId).containsExactly("r1", "r2", "r3");
        assertThat(lookups).hasValue(0);
    }

    @Test
    void namesTheComponentWhoseColumnIsMissing() {
        assertThatThrownBy(() -> jdbc.sql("select 1 as id, 'r' as recipient_id").query(Rows.of(Signature.class)).list())
                .hasMessageContaining("Signature.noRefuse");
    }

    private static ResultSet countingFindColumn(ResultSet rs, AtomicInteger lookups) {
        return (ResultSet) Proxy.newProxyInstance(RowsTest.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findColumn")) {
                        lookups.incrementAndGet();
                    }
                    return method.invoke(rs, args);
                });
    }
}
