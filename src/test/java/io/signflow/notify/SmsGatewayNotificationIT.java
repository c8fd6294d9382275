package io.signflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a real sender the signer's phone is the only place their link and code live: the gateway gets
 * the whole text, the stored message loses link and code once delivered, and the admin API shows the
 * text with both removed. The link from the text still signs.
 */
class SmsGatewayNotificationIT extends ApiTestBase {

    private static final CallbackReceiver GATEWAY = new CallbackReceiver(() -> 200);
    private static final Pattern LINK = Pattern.compile("https?://\\S+/sign/[A-Za-z0-9_-]{43}");

    @DynamicPropertySource
    static void smsGateway(DynamicPropertyRegistry registry) {
        registry.add("signflow.notify.sender", () -> "sms-gateway");
        registry.add("signflow.notify.sms-gateway.url", GATEWAY::url);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.close();
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void deliveredTextsKeepNoLinkOrCodeAndTheAdminSeesThemRemoved() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(Requests.person("罗十二", mobile))));

        String invitation = awaitText(mobile, "签署");
        Matcher link = LINK.matcher(invitation);
        assertThat(link.find()).as(invitation).isTrue();
        awaitErased(mobile, "SIGN_INVITATION");
        Map<String, Object> stored = jdbc.sql("select body, link, code from outbox_message where recipient = ? "
                + "and subject = 'SIGN_INVITATION'").param(mobile).query().singleRow();
        assertThat(stored.get("link")).isNull();
        assertThat((String) stored.get("body")).doesNotContain(link.group()).doesNotContain("/sign/").contains("[removed]");
        JsonNode shown = admin().get("/admin/notifications?mobile=" + mobile).get(0);
        assertThat(shown.get("redacted").asBoolean()).isTrue();
        assertThat(shown.get("link").isNull()).isTrue();
        assertThat(shown.get("text").asText()).doesNotContain("/sign/");

        SignerClient signer = SignerClient.withLink(admin(), mobile, link.group());
        assertThat(signer.requestCode().status()).isEqualTo(200);
        Matcher code = Pattern.compile("\\d{6}").matcher(awaitText(mobile, "验证码"));
        assertThat(code.find()).isTrue();
        awaitErased(mobile, "VERIFICATION_CODE");
        assertThat(jdbc.sql("select body from outbox_message where recipient = ? and subject = 'VERIFICATION_CODE'")
                .param(mobile).query(String.class).single()).doesNotContain(code.group());
        assertThat(admin().get("/admin/notifications?mobile=" + mobile).get(0).get("code").isNull()).isTrue();

        assertThat(signer.sign(code.group()).status()).isEqualTo(200);
    }

    /** The text of the first message the gateway received for this mobile that contains {@code word}. */
    private static String awaitText(String mobile, String word) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> GATEWAY.received().stream().map(r -> json(r.body()))
                .filter(m -> m.get("mobile").asText().equals(mobile) && m.get("text").asText().contains(word))
                .map(m -> m.get("text").asText()).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private void awaitErased(String mobile, String purpose) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from outbox_message "
                        + "where recipient = ? and subject = ? and status = 'SENT' and link is null and code is null")
                .params(mobile, purpose).query(Integer.class).single() == 1);
    }

    private static JsonNode json(String body) {
        try {
            return ApiClient.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
