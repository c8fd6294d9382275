package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements write many rows as one; the writing itself is {@code PipelinedWritesIT}'s, on PostgreSQL. */
class PipelinedStatementsTest {

    @Test
    void anInsertEndingWithItsValuesGivesItsTuple() {
        assertThat(PipelinedStatements.valuesTuple("insert into signature_record (flow_id, method, signed_at) "
                + "values (?, 'AUTO_SEAL', ?)")).isEqualTo("(?, 'AUTO_SEAL', ?)");
        assertThat(PipelinedStatements.valuesTuple("INSERT INTO t (a, b) VALUES (?, coalesce(?, 0))"))
                .isEqualTo("(?, coalesce(?, 0))");
    }

    @Test
    void anyOtherStatementHasNone() {
        assertThat(PipelinedStatements.valuesTuple("update approver set status = ? where recipient_id = ?")).isNull();
        assertThat(PipelinedStatements.valuesTuple("insert into t (a) values (?) on conflict (a) do nothing")).isNull();
        assertThat(PipelinedStatements.valuesTuple("insert into t (a) values (?) returning (a)")).isNull();
        assertThat(PipelinedStatements.valuesTuple("insert into t (a) select a from s")).isNull();
    }
}
