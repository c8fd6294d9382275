package io.signflow.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The free-cancel allowance holds under concurrency: two refunds of an organization's contracts in
 * flight at once, with one refund left in its allowance, give back exactly one unit.
 */
class RefundAllowanceIT extends ApiTestBase {

    @Autowired
    QuotaService quota;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoRefundsAtOnceCannotTogetherExceedTheAllowance() throws Exception {
        // 3 units bought, four contracts charged, two of them refunded already: one refund left
        Tenant tenant = tenants().create(null, 3, 1);
        List<String> flows = new ArrayList<>(create(tenant));
        refund(tenant, flows.get(0));
        flows.addAll(create(tenant));
        refund(tenant, flows.get(1));

        CountDownLatch firstRefunded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            boolean refunded = quota.refundIfAllowed(tenant.organizationId(), flows.get(2), FlowStatus.TO_SIGN, false);
            firstRefunded.countDown();
            await(release);
            return refunded;
        }));
        assertThat(firstRefunded.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> transaction.execute(status ->
                quota.refundIfAllowed(tenant.organizationId(), flows.get(3), FlowStatus.TO_SIGN, false)));
        // the second waits for the first's lock on the account before the first commits
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::aTransactionWaitsForALock);
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(jdbc.sql("select count(*) from quota_ledger where organization_id = ? and entry_type = 'REFUND'")
                .param(tenant.organizationId()).query(Long.class).single()).isEqualTo(3);
        assertThat(admin().get("/admin/quota/ledger-check").get("mismatches")).isEmpty();
    }

    /** Whether a session of this database is blocked by another's lock (PostgreSQL or H2). */
    private boolean aTransactionWaitsForALock() {
        String sql = TestDatabase.kind().equals("h2")
                ? "select count(*) from information_schema.sessions where blocker_id is not null"
                : "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'";
        return jdbc.sql(sql).query(Long.class).single() > 0;
    }

    private static List<String> create(Tenant tenant) {
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("癸", Tenants.mobile()))));
        List<String> ids = new ArrayList<>();
        created.get("FlowIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private void refund(Tenant tenant, String flowId) {
        Boolean refunded = transaction.execute(status -> quota.refundIfAllowed(tenant.organizationId(), flowId,
                FlowStatus.TO_SIGN, false));
        assertThat(refunded).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
