package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Browser;
import io.signflow.support.EngineUsers;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operator logs in to Cockpit with the admin account, finds the processes and opens the sign-flow
 * definition with its diagram; a wrong password, another engine user or no login at all gets nowhere
 * in Cockpit or Tasklist; and text an API caller chose, however hostile, runs no script in Cockpit.
 */
class CockpitBrowserIT extends ApiTestBase {

    /** A refused login is answered after the engine's password check; on a loaded CI machine that took over 15 s. */
    private static final Duration REFUSAL = Duration.ofSeconds(45);

    /** Markup, a script and an AngularJS expression (Cockpit is AngularJS): each would set window.pwned. */
    private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>"
            + "{{constructor.constructor('window.pwned=3')()}}";
    /** For fields of at most 64 characters. */
    private static final String HOSTILE_SHORT = "<img src=x onerror=\"window.pwned=4\">{{7*7}}";

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    private void logIn(Browser browser, String app, String user, String password) {
        browser.driver().get(url("/camunda/app/" + app + "/default/#/login"));
        browser.await(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        browser.driver().findElement(By.cssSelector("input[ng-model='username']")).sendKeys(user);
        browser.driver().findElement(By.cssSelector("input[type='password']")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * The page has asked the server who is logged in, had its answer, and waits for no other request:
     * whatever it would show or where it would go on that answer, it has done. What a test then finds
     * missing did not happen, rather than had not happened yet.
     */
    private static void awaitAuthenticationChecked(Browser browser) {
        awaitScript(browser, "return performance.getEntriesByType('resource').some(function (e) {"
                + " return e.name.indexOf('/auth/user/default') >= 0 && e.responseEnd > 0; });");
        awaitNoRequestPending(browser);
    }

    /** Cockpit (AngularJS) has started and has no HTTP request outstanding. */
    private static void awaitNoRequestPending(Browser browser) {
        awaitScript(browser, "var injector = window.angular && angular.element(document.body).injector();"
                + " return !!injector && injector.get('$http').pendingRequests.length === 0;");
    }

    private static void awaitScript(Browser browser, String condition) {
        browser.await(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.driver().executeScript(condition)));
    }

    private static String body(Browser browser) {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    @Test
    void theAdminSeesTheProcessesAndOpensTheSignFlowDiagram() {
        Tenant tenant = tenants().create();
        tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(Requests.person("赵六", "13900000001"))));
        try (Browser browser = Browser.desktop()) {
            logIn(browser, "cockpit", AdminClient.USER, AdminClient.PASSWORD);
            browser.await(Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
            browser.driver().get(url("/camunda/app/cockpit/default/#/processes"));
            browser.await(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Sign a contract"));
            String page = body(browser);
            assertThat(page).contains("Sign a contract").contains("flow-group");
            browser.screenshot("cockpit-processes");

            browser.driver().findElement(By.linkText("sign-flow")).click();
            browser.await(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-element-id='Task_SealDocument']")));
            assertThat(browser.driver().findElements(By.cssSelector("[data-element-id='ReceiveTask_AwaitSignature']")))
                    .isNotEmpty();
            browser.screenshot("cockpit-sign-flow");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (Browser browser = Browser.desktop()) {
            logIn(browser, "cockpit", AdminClient.USER, "not-the-password");
            browser.await(REFUSAL).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Wrong credentials"));
            assertThat(browser.driver().getCurrentUrl()).contains("/login");
        }
    }

    @Test
    void anEngineUserWhoIsNotTheAdminGetsIntoNeitherCockpitNorTasklist() throws Exception {
        EngineUsers.ensureBystander(identity);
        try (Browser browser = Browser.desktop()) {
            for (String app : List.of("cockpit", "tasklist")) {
                logIn(browser, app, EngineUsers.BYSTANDER, EngineUsers.BYSTANDER_PASSWORD);
                browser.await(REFUSAL).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("body"), "Wrong credentials"));
                assertThat(browser.driver().getCurrentUrl()).as(app).contains("/login");
                browser.driver().get(url("/camunda/app/" + app + "/default/#/"));
                awaitAuthenticationChecked(browser);
                assertThat(browser.driver().getCurrentUrl()).as(app).contains("/login");
                assertThat(body(browser)).as(app).doesNotContain("Sign a contract").doesNotContain("flow-group");
            }
        }
    }

    @Test
    void withoutALoginCockpitAndTasklistShowOnlyTheirLoginForm() throws Exception {
        Tenant tenant = tenants().create();
        tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(Requests.person("钱七", Tenants.mobile()))));
        try (Browser browser = Browser.desktop()) {
            for (String page : List.of("/camunda/app/cockpit/default/#/processes", "/camunda/app/cockpit/default/#/dashboard",
                    "/camunda/app/tasklist/default/#/")) {
                browser.driver().get(url(page));
                browser.await(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("input[ng-model='username']")));
                awaitAuthenticationChecked(browser);
                assertThat(browser.driver().getCurrentUrl()).as(page).contains("/login");
                assertThat(body(browser)).as(page).doesNotContain("Sign a contract").doesNotContain("flow-group")
                        .doesNotContain("Review");
            }
        }
    }

    @Test
    void hostileTextFromTheApiRunsNoScriptInCockpit() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        ObjectNode signer = Requests.person("孙八", mobile);
        signer.put("CustomApproverTag", HOSTILE_SHORT);
        ObjectNode request = Requests.group(tenant, 3, List.of(signer));
        request.get("FlowGroupInfos").forEach(info -> {
            ObjectNode flow = (ObjectNode) info;
            flow.put("FlowDescription", HOSTILE);
            flow.put("FlowType", HOSTILE);
            flow.put("UserData", Base64.getEncoder().encodeToString(HOSTILE.getBytes(StandardCharsets.UTF_8)));
            flow.putArray("Components").addObject().put("ComponentType", "TEXT").put("FileIndex", 0)
                    .put("ComponentPage", 1).put("ComponentPosX", 300).put("ComponentPosY", 100)
                    .put("ComponentWidth", 200).put("ComponentHeight", 30).put("ComponentValue", HOSTILE);
        });
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", request);
        String groupId = created.get("FlowGroupId").asText();
        assertThat(tenant.api().code("CancelFlow", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowId", created.at("/FlowIds/0").asText(), "CancelMessage", HOSTILE))).isEqualTo("OK");
        SignerClient invited = SignerClient.invited(admin(), mobile);
        assertThat(admin().send("POST", "/sign/api/" + invited.token() + "/reject", Map.of("code", invited.code(),
                "reason", HOSTILE, "flowIds", List.of(created.at("/FlowIds/1").asText())), false).status()).isEqualTo(200);

        String groupInstance = runtime.createProcessInstanceQuery().processDefinitionKey("flow-group")
                .processInstanceBusinessKey(groupId).singleResult().getId();
        String flowInstance = runtime.createProcessInstanceQuery().processDefinitionKey("sign-flow")
                .processInstanceBusinessKey(created.at("/FlowIds/2").asText()).singleResult().getId();
        try (Browser browser = Browser.desktop()) {
            logIn(browser, "cockpit", AdminClient.USER, AdminClient.PASSWORD);
            browser.await(Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
            for (String instance : List.of(groupInstance, flowInstance)) {
                for (String tab : List.of("variables-tab", "called-process-instances-tab", "incidents-tab")) {
                    browser.driver().get(url("/camunda/app/cockpit/default/#/process-instance/" + instance
                            + "/runtime?tab=" + tab));
                    browser.await(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("body"), instance));
                    awaitNoRequestPending(browser);
                    assertThat(browser.driver().executeScript("return typeof window.pwned")).as(tab)
                            .isEqualTo("undefined");
                    assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).as(tab).isEmpty();
                    assertThat(body(browser)).as(tab).doesNotContain("constructor.constructor");
                }
            }
            browser.screenshot("cockpit-hostile-group");
        }
    }
}
