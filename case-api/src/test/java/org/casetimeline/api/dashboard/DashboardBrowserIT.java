package org.casetimeline.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.casetimeline.api.CaseTimelineApplication;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.status.CaseStatusQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard as a case worker uses it, in Debian's headless Chromium against the whole service with the demo
 * cases: sign in, the overview, Atabek's case moved back to 20 October 2013, a fact recorded through the form,
 * and a confidential fact kept from a viewer. Skipped, saying why, where no Chromium is installed. Saves the
 * README's screenshots to docs/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final String ATABEK = "00000000-0000-4000-8000-0000000c0001";
    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @TempDir
    static Path dataDir;
    @TempDir
    Path profile;

    private static ConfigurableApplicationContext service;
    private static String base;
    private Browser browser;

    @BeforeAll
    static void startTheServiceWithTheDemoCases() throws InterruptedException {
        assumeTrue(Browser.installed(), "No " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
                + ": the browser tests are skipped (apt-get install chromium chromium-driver to run them)");
        service = new SpringApplicationBuilder(CaseTimelineApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--case-timeline.demo-data=true", "--case-timeline.data-dir=" + dataDir);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
        waitForTheDemoCasesToSettle(service.getBean(CaseStatusQueries.class));
    }

    /** The projection catches up asynchronously: wait until the three demo cases are there and stop changing. */
    private static void waitForTheDemoCasesToSettle(CaseStatusQueries statuses) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        String before = "";
        while (true) {
            var page = statuses.cases(new CaseStatusQueries.CaseFilter(null, null, null, null, null), Confidentiality.PUBLIC, 0, 50);
            String now = page.cases().toString();
            if (page.total() >= 3 && now.equals(before)) {
                return;
            }
            assertThat(Instant.now()).as("the demo cases reach the case-status projection").isBefore(deadline);
            before = now;
            Thread.sleep(1000);
        }
    }

    @AfterAll
    static void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void openABrowser() {
        browser = new Browser(base, profile);
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    @Order(1)
    void givenAMonitor_whenMovingAtabeksCaseBackTo20October2013_thenHeIsInKaragandyWithTheWhereaboutsFlagOpen()
            throws Exception {
        browser.signIn("monitor", "monitor");
        assertThat(browser.find(By.id("people-held")).getText()).matches("\\d+");
        assertThat(browser.all(By.cssSelector("tr[data-case]"))).hasSizeGreaterThanOrEqualTo(3);
        browser.screenshot(SCREENSHOTS.resolve("overview.png"));

        browser.clickAndWait(By.cssSelector("tr[data-case='" + ATABEK + "'] a.case-link"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Aron Atabek");
        browser.setDate(By.id("as-of"), "2013-10-20");
        browser.clickAndWait(By.id("show-as-of"));

        assertThat(browser.url()).contains("asOf=2013-10-20");
        assertThat(browser.find(By.id("held-in")).getText()).contains("Karagandy detention centre");
        assertThat(browser.all(By.cssSelector("li[data-rule='MR68-WHEREABOUTS'][data-state='OPEN']")))
                .as("the whereabouts flag is open on 20 October 2013").isNotEmpty();
        assertThat(browser.all(By.cssSelector("svg.timeline rect.bar.stay"))).isNotEmpty();
        browser.screenshot(SCREENSHOTS.resolve("case-atabek.png"));
    }

    @Test
    @Order(2)
    void givenAMonitor_whenRecordingAFactThroughTheForm_thenAFutureDateIsRefusedInlineAndAValidOneIsOnTheTimeline() {
        browser.signIn("monitor", "monitor");
        browser.open("/cases/" + ATABEK + "/record?type=MonitoringVisitMade");
        fillVisit("2099-01-01");
        assertThat(browser.find(By.id("problem")).getText()).contains("future");
        assertThat(browser.find(By.id("occurredAt")).getAttribute("class")).contains("invalid");

        browser.type(By.id("occurredAt"), "2021-09-15");
        browser.clickAndWait(By.id("record"));

        assertThat(browser.url()).contains("/cases/" + ATABEK).contains("#fact-");
        String anchor = browser.url().substring(browser.url().indexOf('#') + 1);
        assertThat(browser.find(By.id(anchor)).getText())
                .contains("Monitoring visit made", "Browser test monitoring body", "2021-09-15", "recorded by monitor")
                .as("both sources, the second kept through the refusal; the empty row between them is none")
                .contains("Visit report, browser test", "A lawyer's account, browser test");
        assertThat(browser.all(By.cssSelector("#" + anchor + " ul.sources li"))).hasSize(2);
        assertThat(browser.all(By.cssSelector("svg.timeline a[href='#" + anchor + "']"))).isNotEmpty();
    }

    @Test
    @Order(3)
    void givenAConfidentialFactRecordedThroughTheApi_whenAViewerOpensTheCase_thenItIsNowhereOnThePage() throws Exception {
        String marker = "Confidential witness " + UUID.randomUUID();
        assertThat(postAsAdmin("/api/v1/cases/" + ATABEK + "/events", """
                {"type": "MonitoringVisitMade", "occurredAt": "2021-09-20", "claim": "alleged",
                 "confidentiality": "confidential",
                 "sources": [{"kind": "other", "citation": "%s", "reliability": "C"}],
                 "data": {"visitingBody": "%s", "findings": "named a witness"}}""".formatted(marker, marker)))
                .isEqualTo(201);

        browser.signIn("viewer", "viewer");
        browser.open("/cases/" + ATABEK);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Aron Atabek");
        assertThat(browser.source()).doesNotContain(marker).doesNotContain("confidential</span>");
        browser.open("/cases/" + ATABEK + "/record");
        assertThat(browser.source()).as("a viewer may not record").doesNotContain("record-form");

        try (Browser admin = new Browser(base, profile.resolve("admin"))) {
            admin.signIn("admin", "admin");
            admin.open("/cases/" + ATABEK);
            assertThat(admin.pageText()).as("the fact exists: an admin cleared for it sees it").contains(marker);
        }
    }

    private void fillVisit(String when) {
        browser.type(By.id("occurredAt"), when);
        browser.type(By.id("data.visitingBody"), "Browser test monitoring body");
        browser.type(By.id("data.findings"), "Saw him in the clinic");
        browser.type(By.id("citation"), "Visit report, browser test");
        new Select(browser.find(By.id("sourceKind"))).selectByValue("UN_MECHANISM");
        browser.type(By.id("citation2"), "A lawyer's account, browser test");
        new Select(browser.find(By.id("sourceKind2"))).selectByValue("LAWYER");
        new Select(browser.find(By.id("claim"))).selectByValue("CORROBORATED");
        new Select(browser.find(By.id("confidentiality"))).selectByValue("PUBLIC");
        browser.clickAndWait(By.id("record"));
    }

    private static int postAsAdmin(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
