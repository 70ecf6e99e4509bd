package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.KeySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console in a real browser: headless Chromium driven through Selenium WebDriver, on the shipped scenario served
 * by {@code parley serve}'s web layer. Needs Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code apt-get install -y chromium chromium-driver}; {@code .ci/run} installs them), or the paths of a Chromium and
 * its matching driver in {@code PARLEY_CHROMIUM} and {@code PARLEY_CHROMEDRIVER}. Run alone with
 * {@code mvn -B verify -pl cli -Dit.test=ConsoleBrowserIT -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}.
 * Saves a screenshot of each page into {@code target/console-screenshots/} (or where
 * {@code -Dparley.screenshots} says: {@code ../docs/console} refreshes the README's).
 */
class ConsoleBrowserIT {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");
    /**
     * Where the screenshots go: target/console-screenshots, so that a test run leaves the tree as it was; with
     * -Dparley.screenshots=../docs/console they refresh the README's.
     */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("parley.screenshots",
                                                                       "target/console-screenshots"));
    private static final String TALKS = "pak-afg-talks-2025";
    private static final String HOSTILE_SOURCE = "<script>alert(1)</script>";
    private static final String HOSTILE_DESCRIPTION = "<img src=x onerror=\"document.title='pwned'\">";
    private static final String HOSTILE = "{\"command\":\"ReportIncident\",\"incidentId\":\"hostile-text-2025-10-30\","
            + "\"location\":\"<b>bold</b> crossing\",\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":"
            + "\"<img src=x onerror=\\\"document.title='pwned'\\\">\",\"occurredAt\":\"2025-10-30\",\"source\":"
            + "\"<script>alert(1)</script>\"}\n"
            + "{\"command\":\"ReportViolation\",\"incidentId\":\"pak-afg-border-posts-2025-10-12\",\"by\":\"AFG\","
            + "\"description\":\"Shelling across the border\",\"occurredAt\":\"2025-10-31\",\"source\":\"ISPR\"}\n";

    @TempDir
    static Path directory;

    static String store;
    static Path keys;
    static Parley parley;
    static ConfigurableApplicationContext console;
    static String base;

    WebDriver browser;
    Path downloads;

    @BeforeAll
    static void recordTheScenarioAndServe() {
        store = Cli.storeUrl(directory);
        keys = directory.resolve("keys");
        assertThat(Cli.parley("run", "--store", store, SCENARIO.toString()).exitCode()).isZero();
        Path hostile = Cli.write(directory, "hostile.ndjson", HOSTILE);
        assertThat(Cli.parley("run", "--store", store, hostile.toString()).exitCode()).isZero();
        assertThat(Cli.parley("checkpoint", "--store", store, "--keys", keys.toString()).exitCode()).isZero();
        parley = Parley.open(store);
        Integrity integrity = new Integrity(parley.store().dataSource(), KeySource.directory(keys), null);
        console = ServeCommand.start(parley, integrity, 0, "127.0.0.1", null);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) console).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        console.close();
        parley.close();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        downloads = Files.createDirectories(directory.resolve("downloads-" + System.nanoTime()));
        String chromium = executable("PARLEY_CHROMIUM", "/usr/bin/chromium");
        String driver = executable("PARLEY_CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--disable-dev-shm-usage", "--window-size=1400,1000",
                             "--user-data-dir=" + Files.createDirectories(directory.resolve(
                                     "profile-" + System.nanoTime())));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                                                      "download.prompt_for_download", false,
                                                      "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                                                                       .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theBoardMovedToTheTwentiethOfOctoberShowsRoundOneConcludedAndTheCeasefireInForce() throws IOException {
        browser.get(base + "/console/");
        WebElement talks = waitFor(By.cssSelector("[data-negotiation='" + TALKS + "']"));
        assertThat(talks.findElement(By.cssSelector(".status")).getText()).isEqualTo("COLLAPSED");

        WebElement slider = browser.findElement(By.id("at"));
        WebElement shown = browser.findElement(By.id("at-value"));
        slider.click();
        for (int step = 0; step < 60 && shown.getText().compareTo("2025-10-20") > 0; step++) {
            slider.sendKeys(Keys.ARROW_LEFT);
        }
        assertThat(shown.getText()).isEqualTo("2025-10-20");
        waitUntil(() -> statusOf(TALKS).equals("ROUND_CONCLUDED"));

        WebElement asOfThen = browser.findElement(By.cssSelector("[data-negotiation='" + TALKS + "']"));
        assertThat(asOfThen.findElement(By.cssSelector(".current-round")).getText()).isEqualTo("1");
        assertThat(asOfThen.findElement(By.cssSelector("[data-round='1'] .closed-as")).getText())
                .isEqualTo("CONCLUDED");
        assertThat(asOfThen.findElement(By.cssSelector(".ceasefire")).getText())
                .isEqualTo("Ceasefire in force since 2025-10-19");
        assertThat(browser.findElements(By.cssSelector("[data-round='2']"))).isEmpty();
        assertThat(browser.findElement(By.id("timeline-count")).getText()).isEqualTo("(9 events)");
        assertThat(browser.getCurrentUrl()).contains("at=2025-10-20");
        screenshot("board.png");
    }

    @Test
    void theKnownAtControlShowsOnlyWhatHadBeenRecordedByThen() {
        browser.get(base + "/console/index.html");
        waitFor(By.cssSelector("[data-negotiation='" + TALKS + "']"));

        WebElement knownAt = browser.findElement(By.id("known-at"));
        knownAt.sendKeys("2001-01-01");
        browser.findElement(By.id("apply-known-at")).click();
        waitUntil(() -> browser.findElements(By.cssSelector("[data-negotiation]")).isEmpty());
        assertThat(browser.findElement(By.id("timeline-count")).getText()).isEqualTo("(0 events)");

        knownAt.clear();
        knownAt.sendKeys("1850-01-01");
        browser.findElement(By.id("apply-known-at")).click();
        waitUntil(() -> browser.findElement(By.id("error")).getText().startsWith("INVALID_COMMAND"));

        browser.findElement(By.id("clear-known-at")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("[data-negotiation]")).isEmpty());
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
    }

    @Test
    void aProofDownloadedFromTheAuditViewIsAcceptedByVerifyProof() throws Exception {
        browser.get(base + "/console/audit.html?id=" + TALKS);
        WebElement first = waitFor(By.cssSelector("#audit tbody tr"));
        assertThat(browser.findElement(By.id("verify-badge")).getText()).isEqualTo("store verified");
        assertThat(first.findElement(By.cssSelector(".event-type")).getText()).isEqualTo("RoundOpened");
        assertThat(first.findElement(By.cssSelector(".hash")).getText()).hasSize(64);
        assertThat(browser.findElements(By.cssSelector("#audit tbody .badge.verified")))
                .hasSize(browser.findElements(By.cssSelector("#audit tbody tr")).size());
        String position = first.getAttribute("data-position");
        screenshot("audit.png");

        first.findElement(By.cssSelector("a.proof")).click();
        browser.findElement(By.linkText("checkpoint")).click();
        browser.findElement(By.linkText("verifier key")).click();
        Path proof = downloaded("proof-" + position + ".json");
        Path checkpoint = downloaded("checkpoint.txt");
        Path key = downloaded("verifier-key.txt");

        Cli.Result verified = Cli.parley("verify-proof", proof.toString(), checkpoint.toString(), "--verifier-key",
                                         key.toString());
        assertThat(verified.exitCode()).as(verified.err() + verified.out()).isZero();
    }

    @Test
    void theIstanbulWhatIfShowsTheForkBesideTheRecordAndLeavesTheRecordAlone() throws IOException {
        long head = parley.forks().head();
        browser.manage().window().setSize(new Dimension(1400, 2100));
        browser.get(base + "/console/whatif.html");
        waitFor(By.cssSelector("input[name=fork-point]"));
        browser.findElement(By.id("example")).click();
        browser.findElement(By.id("run")).click();

        WebElement outcome = waitFor(By.id("fork-outcome"));
        assertThat(outcome.getText()).isEqualTo("2 commands accepted, 0 rejected; not saved. The record is unchanged.");
        WebElement talks = browser.findElement(By.cssSelector(".aggregate-diff[data-aggregate='" + TALKS + "']"));
        assertThat(talks.findElements(By.cssSelector(".record-side .event-type"))).extracting(WebElement::getText)
                .containsExactly("TalksCollapsed", "MediationOffered");
        assertThat(talks.findElements(By.cssSelector(".fork-side .event-type"))).extracting(WebElement::getText)
                .containsExactly("FrameworkAccepted", "RoundConcluded");
        WebElement status = talks.findElement(By.cssSelector("[data-field='status']"));
        assertThat(status.findElement(By.cssSelector(".record-value")).getText()).isEqualTo("COLLAPSED");
        assertThat(status.findElement(By.cssSelector(".fork-value")).getText()).isEqualTo("ROUND_CONCLUDED");
        screenshot("whatif.png");
        assertThat(parley.forks().head()).isEqualTo(head);

        browser.findElement(By.id("commands")).sendKeys("{\"command\":\"Collapse\",\"negotiationId\":\"" + TALKS
                + "\",\"reason\":\"r\",\"occurredAt\":\"2025-10-30\",\"source\":\"What-if\"}");
        browser.findElement(By.id("branch-name")).sendKeys("istanbul-agreed");
        browser.findElement(By.id("save")).click();
        waitUntil(() -> browser.findElement(By.id("fork-outcome")).getText().contains("saved as branch"));
        assertThat(browser.findElements(By.cssSelector("#rejections .code"))).extracting(WebElement::getText)
                .containsExactly("NO_OPEN_ROUND");
        waitFor(By.cssSelector("[data-branch='istanbul-agreed']"));
        assertThat(parley.forks().head()).isEqualTo(head);
    }

    @Test
    void recordedTextThatLooksLikeMarkupShowsAsTextAndNeverRuns() {
        browser.get(base + "/console/index.html");
        WebElement incident = waitFor(By.cssSelector("[data-incident='hostile-text-2025-10-30']"));
        String title = browser.getTitle();

        assertThat(incident.findElement(By.cssSelector(".location")).getText()).isEqualTo("<b>bold</b> crossing");
        assertThat(incident.findElements(By.tagName("b"))).isEmpty();
        List<WebElement> sources = browser.findElements(By.cssSelector("#timeline .source"));
        assertThat(sources).extracting(WebElement::getText).contains(HOSTILE_SOURCE);
        assertThat(browser.findElements(By.cssSelector("#timeline .description"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains(HOSTILE_DESCRIPTION));
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(title).isEqualTo("Parley console: status and timeline");

        browser.get(base + "/console/audit.html?id=hostile-text-2025-10-30");
        waitFor(By.cssSelector("#audit tbody tr"));
        assertThat(browser.findElement(By.cssSelector("#audit tbody .source")).getText()).isEqualTo(HOSTILE_SOURCE);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void theChartsDrawCasualtiesPerSideAndEventsPerDayFromTheWebJar() throws IOException {
        browser.get(base + "/console/charts.html");
        waitFor(By.cssSelector("#casualties canvas"));
        waitFor(By.cssSelector("#events-per-day canvas"));
        JavascriptExecutor script = (JavascriptExecutor) browser;
        new Select(browser.findElement(By.id("incident"))).selectByValue("pak-afg-border-posts-2025-10-12");
        waitUntil(() -> ((Number) script.executeScript("return echarts.getInstanceByDom(document.getElementById("
                + "'casualties')).getOption().series.length;")).intValue() == 2);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) script.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('casualties')).getOption().series"
                        + ".map(s => ({name: s.name, last: s.data[s.data.length - 1]}));");
        assertThat(series).extracting(s -> s.get("name") + "=" + s.get("last"))
                .containsExactly("PAK killed=23", "AFG killed=200");
        Object events = script.executeScript("return echarts.getInstanceByDom(document.getElementById("
                + "'events-per-day')).getOption().series[0].data.reduce((a, b) => a + b, 0);");
        assertThat(((Number) events).intValue()).isEqualTo(15);
        Object violations = script.executeScript("return echarts.getInstanceByDom(document.getElementById("
                + "'casualties')).getOption().series[0].markLine.data.map(line => line.xAxis);");
        assertThat(violations).isEqualTo(List.of("2025-10-31"));
        Object ceasefires = script.executeScript("return echarts.getInstanceByDom(document.getElementById("
                + "'events-per-day')).getOption().series[0].markArea.data.map(area => area[0].xAxis);");
        assertThat(ceasefires).isEqualTo(List.of("2025-10-19"));
        screenshot("charts.png");
    }

    private String statusOf(String negotiation) {
        List<WebElement> cards = browser.findElements(By.cssSelector("[data-negotiation='" + negotiation
                                                                             + "'] .status"));
        return cards.isEmpty() ? "" : cards.get(0).getText();
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(RuntimeException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private Path downloaded(String name) throws InterruptedException {
        Path file = downloads.resolve(name);
        for (int i = 0; i < 200 && !Files.isRegularFile(file); i++) {
            Thread.sleep(100);
        }
        assertThat(file).as("downloaded %s into %s", name, downloads).isRegularFile();
        return file;
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String executable(String variable, String fallback) {
        String given = System.getenv(variable);
        String path = given == null || given.isBlank() ? fallback : given;
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException("the console's browser tests need Chromium and its driver: install "
                    + "Debian's packages (apt-get install -y chromium chromium-driver) or give their paths in "
                    + "PARLEY_CHROMIUM and PARLEY_CHROMEDRIVER; " + path + " is missing");
        }
        return path;
    }
}
