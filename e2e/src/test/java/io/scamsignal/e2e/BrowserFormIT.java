package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
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
        typeDate(page);
        new Select(page.findElement(By.id("country"))).selectByValue("US");
        page.findElement(By.id("phone")).sendKeys(phone);
        page.findElement(By.id("reporterEmail")).sendKeys("browser@example.org");
        page.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /**
     * 20 November 2026: into the browser's date picker (JavaScript makes the field one; en-US: month,
     * day, year), or into the text field as people of the page's language write it.
     */
    private static void typeDate(WebDriver page) {
        WebElement date = page.findElement(By.id("incidentDate"));
        date.sendKeys("date".equals(date.getDomProperty("type")) ? "11202026"
                : page.getCurrentUrl().contains("/de/") ? "20.11.2026" : "11/20/2026");
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

    private static final List<String> WALLETS = List.of("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");

    /** The n-th field named {@code name}: the page offers two of each, JavaScript adds more. */
    private static void type(WebDriver page, String name, int n, String text) {
        page.findElements(By.name(name)).get(n).sendKeys(text);
    }

    private static void addAnother(WebDriver page, String firstFieldId) {
        page.findElement(By.id(firstFieldId)).findElement(By.xpath("ancestor::div[contains(@class,'repeat')]"))
                .findElement(By.cssSelector("button.add")).click();
    }

    /** @param path null: the page already open (with the fields JavaScript added) */
    private void fillSeveral(WebDriver page, String path, int each) {
        if (path != null) {
            page.get("http://127.0.0.1:" + pipeline.port() + path);
        }
        new Select(page.findElement(By.id("contactMethod"))).selectByValue("popup");
        page.findElement(By.id("impersonatedCompany")).sendKeys("Microsoft");
        typeDate(page);
        new Select(page.findElement(By.id("country"))).selectByValue("US");
        List<String> phones = List.of("+1 888 555 0142", "+1 877 555 0199", "+44 20 7946 0958");
        List<String> sites = List.of("https://rnicrosoft-help.com/fix", "micros0ft-support.net", "https://help-desk-fix.example/x");
        for (int i = 0; i < each; i++) {
            type(page, "scammer.phoneNumbers", i, phones.get(i));
            type(page, "scammer.websites", i, sites.get(i));
            type(page, "scammer.walletAddresses", i, WALLETS.get(i));
            page.findElement(By.name("scammer.remoteAccessTools[" + i + "].tool")).sendKeys(i % 2 == 0 ? "AnyDesk" : "TeamViewer");
            page.findElement(By.name("scammer.remoteAccessTools[" + i + "].id")).sendKeys("12345678" + i);
        }
        page.findElement(By.id("reporterEmail")).sendKeys("several@example.org");
        page.findElement(By.id("leConsent")).click();
        page.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** The stored report's scammer fields, and the reporter data item's consent flag. */
    private void assertStoredSeveral(String reportId, int each) throws Exception {
        var item = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("ReportsTable"))
                .key(Map.of("reportId", AttributeValue.fromS(reportId)))).item();
        var scammer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(item.get("payload").s()).get("scammer");
        assertThat(scammer.get("phoneNumbers")).hasSize(each);
        assertThat(scammer.get("websites")).hasSize(each);
        assertThat(scammer.get("remoteAccessTools")).hasSize(each);
        assertThat(scammer.get("walletAddresses")).hasSize(each);
        var contact = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("ReporterDataTable"))
                .key(Map.of("reportId", AttributeValue.fromS(reportId)))).item();
        assertThat(contact.get("lawEnforcementContactConsent").bool()).isTrue();
    }

    @Test
    void withJavaScriptSeveralNumbersSitesToolsAndWalletsAreAddedAndStoredWithTheConsent() throws Exception {
        WebDriver page = open(true);
        page.get("http://127.0.0.1:" + pipeline.port() + "/");
        // two of each come with the page; the script adds a third
        for (String id : List.of("phone", "site", "tool", "wallet")) {
            addAnother(page, id);
        }
        assertThat(page.findElements(By.name("scammer.phoneNumbers"))).hasSize(3);
        assertThat(page.findElements(By.name("scammer.walletAddresses"))).hasSize(3);
        assertThat(page.findElements(By.name("scammer.remoteAccessTools[2].id"))).hasSize(1);
        fillSeveral(page, null, 3);

        WebElement reference = new WebDriverWait(page, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("reference")));
        screenshot(page, "form-several-confirmation.png");
        assertStoredSeveral(reference.getText(), 3);
    }

    @Test
    void withoutJavaScriptTheGermanFormTakesTwoOfEachAndTheConsent() throws Exception {
        WebDriver page = open(false);
        fillSeveral(page, "/de/", 2);

        WebElement reference = new WebDriverWait(page, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("reference")));
        assertThat(page.findElement(By.tagName("body")).getText()).contains("Ihre Referenznummer");
        assertStoredSeveral(reference.getText(), 2);
    }
}
