package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.lambda.FormPages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reference form and the confirmation after a real submission, in every language, with and
 * without JavaScript, in one headless Chromium (Debian's) against the runner and the emulator:
 * axe-core (pinned in e2e/axe, installed by make browser) finds no violation on either page; at a
 * phone's 375 px nothing overflows sideways and the submit button is on the page, reached with Tab
 * from the top and pressed with Enter; the date is typed as people of that language write it, and
 * stored as that day. Screenshots of the English form and confirmation at 375 and 1280 px go to
 * e2e/target/screenshots/ ({@code make screenshots} copies them into docs/screenshots/).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormAccessibilityIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = TestEmulator.projectDir().resolve("e2e/axe/node_modules/axe-core/axe.min.js");
    private static final int PHONE = 375;
    private static final int DESKTOP = 1280;

    /** Per language: the page's locale (navigator.language, Intl), the country the person picks, 20 November 2026 as they write it. */
    private static final Map<String, List<String>> PEOPLE = Map.of(
            "en", List.of("en-US", "US", "11/20/2026"),
            "de", List.of("de-DE", "DE", "20.11.2026"),
            "es", List.of("es-ES", "ES", "20/11/2026"),
            "fr", List.of("fr-FR", "CA", "20/11/2026"));

    private LocalPipeline pipeline;
    private ChromeDriver browser;
    private String axe;
    private final Map<String, String> results = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (make browser installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
        assertThat(AXE).as("axe-core (make browser installs it from e2e/axe)").isRegularFile();
        axe = Files.readString(AXE);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(),
                "a11y-" + UUID.randomUUID().toString().substring(0, 8)));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
                "--hide-scrollbars", "--window-size=" + DESKTOP + ",900",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterAll
    void stop() {
        results.forEach((page, result) -> System.out.println("[axe] " + page + ": " + result));
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    static Stream<Arguments> pages() {
        return FormPages.LANGUAGES.stream().flatMap(lang -> Stream.of(Arguments.of(lang, true), Arguments.of(lang, false)));
    }

    @ParameterizedTest(name = "{0}, JavaScript {1}")
    @MethodSource("pages")
    void formAndConfirmationPassAxeFitAPhoneAndTakeTheLocalDate(String lang, boolean javascript) throws Exception {
        String mode = lang + (javascript ? " JS" : " no-JS");
        boolean shots = lang.equals("en") && javascript;
        // page scripts off or on for this page: the plain form post and the server's page, or the script's
        scripts(javascript);
        browser.executeCdpCommand("Emulation.setLocaleOverride", Map.of());
        browser.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", PEOPLE.get(lang).get(0)));
        viewport(DESKTOP, 900);
        browser.get("http://127.0.0.1:" + pipeline.port() + (lang.equals("en") ? "/" : "/" + lang + "/"));
        assertThat(browser.findElements(By.cssSelector("button.add"))).as("the script's buttons")
                .hasSize(javascript ? browser.findElements(By.cssSelector(".repeat")).size() : 0);
        assertThat(browser.findElement(By.id("incidentDate")).getDomProperty("type")).isEqualTo(javascript ? "date" : "text");
        assertNoAxeViolations(mode + " form");
        scripts(javascript);
        screenshot(shots, "form-" + DESKTOP);

        viewport(PHONE, 900);
        assertFitsThePhone(mode + " form");
        screenshot(shots, "form-" + PHONE);
        String reference = fillAndSendWithTheKeyboard(lang, javascript);

        viewport(PHONE, 900);
        assertThat(browser.findElements(By.cssSelector("#next-steps > li"))).as("next steps").isNotEmpty();
        assertFitsThePhone(mode + " confirmation");
        screenshot(shots, "confirmation-" + PHONE);
        viewport(DESKTOP, 900);
        screenshot(shots, "confirmation-" + DESKTOP);
        assertNoAxeViolations(mode + " confirmation");
        scripts(javascript);
        JsonNode stored = new ObjectMapper().readTree(pipeline.aws().dynamoDb().getItem(b -> b
                .tableName(pipeline.ref("ReportsTable")).key(Map.of("reportId", AttributeValue.fromS(reference))))
                .item().get("payload").s());
        assertThat(stored.get("incidentDate").asText()).isEqualTo("2026-11-20");
    }

    /** Fills the form as a person of that language, tabs from the top of the page to the submit button, presses Enter. */
    private String fillAndSendWithTheKeyboard(String lang, boolean javascript) {
        String country = PEOPLE.get(lang).get(1);
        new Select(browser.findElement(By.id("contactMethod"))).selectByValue("popup");
        browser.findElement(By.id("impersonatedCompany")).sendKeys("Microsoft");
        new Select(browser.findElement(By.id("country"))).selectByValue(country);
        // the text field takes the date as people write it; the browser's date picker orders its parts
        // by the browser's own language (--lang=en-US: month, day, year), which the locale override leaves
        WebElement date = browser.findElement(By.id("incidentDate"));
        date.sendKeys(javascript ? "11202026" : PEOPLE.get(lang).get(2));
        assertThat(date.getDomProperty("value")).isEqualTo(javascript ? "2026-11-20" : PEOPLE.get(lang).get(2));
        browser.findElement(By.id("phone")).sendKeys("+1 (888) 555-0142");
        browser.findElement(By.id("reporterEmail")).sendKeys(lang + "-" + javascript + "@example.org");
        browser.findElement(By.cssSelector("input[value=gift_card]")).click();

        WebElement submit = browser.findElement(By.cssSelector("button[type=submit]"));
        browser.executeScript("window.scrollTo(0, 0); document.body.tabIndex = -1; document.body.focus();"
                + " document.body.removeAttribute('tabindex');");
        int tabs = 0;
        while (!browser.switchTo().activeElement().equals(submit)) {
            assertThat(++tabs).as("Tab presses to reach the submit button").isLessThan(120);
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        Map<?, ?> box = (Map<?, ?>) browser.executeScript("var r = arguments[0].getBoundingClientRect();"
                + " return {left: r.left, right: r.right, width: document.documentElement.clientWidth};", submit);
        assertThat(((Number) box.get("left")).doubleValue()).as("submit button's left edge").isGreaterThanOrEqualTo(0);
        assertThat(((Number) box.get("right")).doubleValue()).as("submit button's right edge")
                .isLessThanOrEqualTo(((Number) box.get("width")).doubleValue());
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        WebElement reference = new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> {
            List<WebElement> found = b.findElements(By.id("reference"));
            return !found.isEmpty() && found.get(0).isDisplayed() && !found.get(0).getText().isEmpty() ? found.get(0) : null;
        });
        assertThat(browser.getCurrentUrl()).as("the plain post's page, or the script's in place")
                .matches(javascript ? ".*/(|de/|es/|fr/)$" : ".*/reports(\\?lang=..)?$");
        return reference.getText();
    }

    /** Page scripts on or off: off, a page loads as in a browser without JavaScript (form.js never runs). */
    private void scripts(boolean enabled) {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
    }

    private void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private void assertFitsThePhone(String page) {
        Map<?, ?> widths = (Map<?, ?>) browser.executeScript("return {scroll: document.documentElement.scrollWidth,"
                + " viewport: document.documentElement.clientWidth, inner: window.innerWidth};");
        assertThat(((Number) widths.get("inner")).intValue()).as(page + ": the viewport").isEqualTo(PHONE);
        assertThat(((Number) widths.get("scroll")).intValue()).as(page + ": document width at " + PHONE + " px")
                .isLessThanOrEqualTo(((Number) widths.get("viewport")).intValue());
    }

    /**
     * axe-core on the page as it is. Scripts are on while it runs (it needs them); a page loaded without
     * them stays as it loaded, since its own scripts do not run afterwards; the caller turns them off again.
     */
    private void assertNoAxeViolations(String page) throws Exception {
        scripts(true);
        browser.executeScript(axe);
        Object answer = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " axe.run(document).then(function (r) { done(JSON.stringify({passes: r.passes.length,"
                + " violations: r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                + " nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })})); },"
                + " function (e) { done('error: ' + e); });");
        JsonNode result = new ObjectMapper().readTree(String.valueOf(answer));
        List<String> violations = new ArrayList<>();
        result.get("violations").forEach(v -> violations.add(v.toString()));
        results.put(page, violations.size() + " violations, " + result.get("passes").asInt() + " rules passed");
        assertThat(violations).as("axe-core on " + page).isEmpty();
    }

    /** The whole page at the viewport's width, into e2e/target/screenshots/. */
    private void screenshot(boolean wanted, String name) throws Exception {
        if (!wanted) {
            return;
        }
        int width = ((Number) browser.executeScript("return window.innerWidth;")).intValue();
        int height = ((Number) browser.executeScript("return document.documentElement.scrollHeight;")).intValue();
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path target = TestEmulator.projectDir().resolve("e2e/target/screenshots/" + name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        System.out.println("[screenshot] " + target);
    }
}
