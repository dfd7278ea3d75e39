package io.scamsignal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reference report form in headless Chromium (Debian's, installed by make test), with and
 * without JavaScript, against the runner and the emulator. Screenshots go to e2e/target/.
 */
class BrowserFormIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private LocalPipeline pipeline;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (scripts/install-browser.sh installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(),
                "form-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    private WebDriver open(boolean javascript) throws Exception {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
                "--window-size=1000,1800", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        return browser;
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        pipeline.close();
    }

    private void fill(WebDriver page, String path, String phone) {
        page.get("http://127.0.0.1:" + pipeline.port() + path);
        new Select(page.findElement(By.id("contactMethod"))).selectByValue("popup");
        page.findElement(By.id("impersonatedCompany")).sendKeys("Microsoft");
        page.findElement(By.id("incidentDate")).sendKeys("11202026");
        new Select(page.findElement(By.id("country"))).selectByValue("US");
        page.findElement(By.id("phone")).sendKeys(phone);
        page.findElement(By.id("reporterEmail")).sendKeys("browser@example.org");
        page.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void screenshot(WebDriver page, String name) throws Exception {
        File shot = ((ChromeDriver) page).getScreenshotAs(OutputType.FILE);
        Path target = TestEmulator.projectDir().resolve("e2e/target/" + name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[screenshot] " + target);
    }

    private boolean stored(String reportId) {
        return !pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("ReportsTable"))
                .key(Map.of("reportId", AttributeValue.fromS(reportId)))).item().isEmpty();
    }

    @Test
    void withJavaScriptTheReferenceNumberAppearsInPlace() throws Exception {
        WebDriver page = open(true);
        fill(page, "/", "+1 (888) 555-0142");

        WebElement reference = new WebDriverWait(page, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("reference")));
        screenshot(page, "form-confirmation.png");
        assertThat(reference.getText()).matches("[0-9a-f-]{36}");
        assertThat(stored(reference.getText())).isTrue();
    }

    @Test
    void withoutJavaScriptThePlainFormPostGetsAPageWithTheReferenceNumber() throws Exception {
        WebDriver page = open(false);
        fill(page, "/de/", "888.555.0142");

        WebElement reference = new WebDriverWait(page, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("reference")));
        screenshot(page, "form-confirmation-no-js.png");
        assertThat(page.findElement(By.tagName("body")).getText()).contains("Ihre Referenznummer");
        assertThat(stored(reference.getText())).isTrue();
    }

    @Test
    void errorsAppearNextToTheirFieldsInTheFormsLanguage() throws Exception {
        WebDriver page = open(true);
        fill(page, "/de/", "ruf mich an");

        WebElement error = new WebDriverWait(page, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("err-phone")));
        screenshot(page, "form-errors.png");
        assertThat(error.getText()).isEqualTo("Diese Telefonnummer können wir nicht erkennen.");
        assertThat(page.findElement(By.id("phone")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(pipeline.aws().dynamoDb().scan(b -> b.tableName(pipeline.ref("ReportsTable"))).count()).isZero();
    }
}
