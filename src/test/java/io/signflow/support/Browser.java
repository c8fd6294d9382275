package io.signflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver (installed by .ci/run). Tests that need it are
 * skipped, not failed, where the browser is missing. Screenshots go to target/test-artifacts.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Browser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A phone-sized window. */
    public static Browser phone() {
        assumeInstalled();
        return new Browser(390, 844);
    }

    public static Browser desktop() {
        assumeInstalled();
        return new Browser(1280, 900);
    }

    private static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** On the signer page: asks for the verification code and waits until the page says it was sent. */
    public void requestCode() {
        driver.findElement(By.id("send-code")).click();
        await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")));
    }

    /** On the signer page: draws a handwritten stroke across the signature pad, as a finger would. */
    public void drawSignature() {
        WebElement pad = driver.findElement(By.id("signature-pad"));
        new Actions(driver).moveToElement(pad, -120, -10).clickAndHold().moveByOffset(60, 30)
                .moveByOffset(60, -40).moveByOffset(60, 35).moveByOffset(50, -20).release().perform();
    }

    public Path screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "test-artifacts"));
            Path file = directory.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
