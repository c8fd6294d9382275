package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same signer signs the same group from two browsers at the same moment, with the same code: one
 * request signs every contract, the other is told why it cannot, and no contract is signed twice.
 * Wrong codes sent at once are judged one after another, so guessing in parallel gets no more tries.
 */
class ConcurrentSigningIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @RepeatedTest(3)
    void oneOfTwoSimultaneousSigningsWinsAndNothingIsSignedTwice() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        String groupId = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 3,
                List.of(Requests.person("孙七", mobile)))).get("FlowGroupId").asText();
        SignerClient signer = SignerClient.invited(admin(), mobile);
        String code = signer.code();

        ExecutorService browsers = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AdminClient.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<AdminClient.Reply> sign = () -> {
                start.await();
                return signer.sign(code);
            };
            replies.add(browsers.submit(sign));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<AdminClient.Reply> reply : replies) {
            AdminClient.Reply answer = reply.get();
            statuses.add(answer.status());
            if (answer.status() != 200) {
                assertThat(answer.body().get("detail").asText()).isNotBlank();
            }
        }
        browsers.shutdown();

        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses.stream().filter(s -> s != 200)).allMatch(s -> s >= 400 && s < 500);
        assertThat(jdbc.sql("select count(*) from signature_record s join flow f on f.id = s.flow_id "
                + "where f.group_id = ?").param(groupId).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where group_id = ? and event = 'SIGNED'")
                .param(groupId).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void wrongCodesSentInParallelGetNoMoreAttemptsThanTheLimit() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(Requests.person("钱八", mobile))));
        SignerClient signer = SignerClient.invited(admin(), mobile);
        String code = signer.code();
        String wrong = code.equals("000000") ? "111111" : "000000";

        int guesses = 16;
        ExecutorService browsers = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AdminClient.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            replies.add(browsers.submit(() -> {
                start.await();
                return signer.sign(Map.of("code", wrong, "signatureImage", SignerClient.signaturePng()));
            }));
        }
        start.countDown();
        int judgedWrong = 0;
        for (Future<AdminClient.Reply> reply : replies) {
            AdminClient.Reply answer = reply.get();
            assertThat(answer.status()).isIn(400, 429);
            if (answer.body().get("detail").asText().startsWith("The verification code is wrong")) {
                judgedWrong++;
            }
        }
        browsers.shutdown();

        assertThat(judgedWrong).isEqualTo(5);
        assertThat(jdbc.sql("select attempts from verification_code where signer_id in "
                + "(select id from signer where mobile = ?)").param(mobile).query(Integer.class).single()).isEqualTo(5);
        assertThat(signer.sign(code).status()).isEqualTo(429);
    }
}
