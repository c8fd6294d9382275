package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Browser;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An operator logs in to Cockpit with the admin account, finds the processes and opens the sign-flow
 * definition with its diagram; a wrong password gets nowhere.
 */
class CockpitBrowserIT extends ApiTestBase {

    private void logIn(Browser browser, String password) {
        browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/login");
        browser.await(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        browser.driver().findElement(By.cssSelector("input[ng-model='username']")).sendKeys(AdminClient.USER);
        browser.driver().findElement(By.cssSelector("input[type='password']")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
    }

    @Test
    void theAdminSeesTheProcessesAndOpensTheSignFlowDiagram() {
        Tenant tenant = tenants().create();
        tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(Requests.person("赵六", "13900000001"))));
        try (Browser browser = Browser.desktop()) {
            logIn(browser, AdminClient.PASSWORD);
            browser.await(Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
            browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
            browser.await(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Sign a contract"));
            String page = browser.driver().findElement(By.tagName("body")).getText();
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
            logIn(browser, "not-the-password");
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Wrong credentials"));
            assertThat(browser.driver().getCurrentUrl()).contains("/login");
        }
    }
}
