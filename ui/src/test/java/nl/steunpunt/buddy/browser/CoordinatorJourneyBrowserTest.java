package nl.steunpunt.buddy.browser;

import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_A;
import static nl.steunpunt.buddy.ui.TestWorld.PASSWORD;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.ui.MatchingWorld;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.workflow.WorkItem;

/**
 * The journeys that must work end to end, in a real browser against the real server: sign-in
 * through Spring Security, the inbox, a task form, completion; a proposal answered by the buddy in
 * her own overview; the public forms. Runs with {@code -Pbrowser}; needs
 * Debian's {@code chromium} and {@code chromium-driver}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CoordinatorJourneyBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    private static WebDriver browser;

    @LocalServerPort int port;
    @Autowired TestWorld world;
    @Autowired Applications applications;
    @Autowired MatchingWorld matching;
    @Autowired nl.steunpunt.buddy.workflow.WorkItems workItems;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MAIL.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver")
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        MAIL.stop();
    }

    @BeforeEach
    void world() {
        world.ensure();
        browser.manage().deleteAllCookies();
    }

    @Test
    void a_visitor_is_sent_to_sign_in_and_a_wrong_password_is_refused() {
        browser.get(url("/inbox"));
        waitFor(() -> browser.getCurrentUrl().endsWith("/login"));

        signIn(COORDINATOR_A, "wrong-password");

        waitFor(() -> browser.getCurrentUrl().contains("/login?error"));
        assertThat(browser.findElements(By.id("inbox-grid"))).isEmpty();
    }

    @Test
    void a_coordinator_signs_in_opens_a_task_of_her_region_and_completes_it() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCREEN_APPLICATION);

        browser.get(url("/login"));
        signIn(COORDINATOR_A, PASSWORD);
        waitFor(() -> !browser.findElements(By.id("main-menu")).isEmpty());
        browser.get(url("/inbox"));
        waitFor(() -> text(By.id("inbox-grid")).contains(task.caseReference()));

        // the row's buttons are drawn in the browser from the column's template and call the server through it
        waitFor(() -> !browser.findElements(By.id("claim-" + task.id())).isEmpty());
        click(browser.findElement(By.id("claim-" + task.id())));
        waitFor(() -> !browser.findElements(By.id("unclaim-" + task.id())).isEmpty());
        assertThat(world.as(COORDINATOR_A, () -> workItems.get(task.id())).orElseThrow().assignee()).hasValue(COORDINATOR_A);
        click(browser.findElement(By.id("open-" + task.id())));
        waitFor(() -> browser.getCurrentUrl().endsWith("/taken/aanmelding-beoordelen/" + task.id()));
        waitFor(() -> !browser.findElements(By.id("screening-suitable")).isEmpty());
        List<WebElement> options = browser.findElement(By.id("screening-suitable")).findElements(By.tagName("vaadin-radio-button"));
        click(options.get(0));
        click(browser.findElement(By.id("complete-task")));

        waitFor(() -> browser.getCurrentUrl().endsWith("/inbox"));
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.INTAKE_PLANNING);
    }

    @Test
    void a_coordinator_proposes_the_best_ranked_buddy_who_accepts_in_her_own_overview() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy buddy = matching.certifiedBuddy(scene, MatchingWorld.buddy("petra"));
        HelpRequestId request = matching.request(scene).submit();
        WorkItem propose = matching.toProposeTask(scene, request);
        String reference = propose.caseReference();

        browser.get(url("/login"));
        signIn(scene.coordinator(), PASSWORD);
        waitFor(() -> !browser.findElements(By.id("main-menu")).isEmpty());
        browser.get(url("/taken/buddy-voorstellen/" + propose.id()));
        waitFor(() -> text(By.id("candidates")).contains("Score"));
        click(browser.findElement(By.id("complete-task")));
        waitFor(() -> browser.getCurrentUrl().endsWith("/inbox"));
        matching.awaitStatus(request, HelpRequestStatus.PROPOSED);

        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(buddy.username(), PASSWORD);
        waitFor(() -> !browser.findElements(By.id("main-menu")).isEmpty());
        browser.get(url("/mijn-koppelingen"));
        waitFor(() -> !browser.findElements(By.id("answer-" + reference)).isEmpty());
        click(browser.findElement(By.id("answer-" + reference)));
        waitFor(() -> !browser.findElements(By.id("proposal-answer")).isEmpty());
        click(browser.findElement(By.id("proposal-answer")).findElements(By.tagName("vaadin-radio-button")).get(0));
        click(browser.findElement(By.id("complete-task")));

        waitFor(() -> browser.getCurrentUrl().endsWith("/mijn-koppelingen"));
        matching.awaitStatus(request, HelpRequestStatus.MATCHED);
        waitFor(() -> !browser.findElements(By.id("first-contact-" + reference)).isEmpty());
    }

    @Test
    void a_coordinator_sees_the_case_drawn_by_bpmn_js_with_its_current_step_highlighted() {
        ApplicationId id = world.apply(REGION_A);
        world.advance(id, RecruitmentProcess.TASK_SCHEDULE_INTAKE);

        browser.get(url("/login"));
        signIn(COORDINATOR_A, PASSWORD);
        waitFor(() -> !browser.findElements(By.id("main-menu")).isEmpty());
        browser.get(url("/aanmeldingen/" + id));

        waitFor(() -> !browser.findElements(By.cssSelector("#case-diagram-bpmn svg [data-element-id]")).isEmpty());
        waitFor(() -> !browser.findElements(By.cssSelector(
                "#case-diagram-bpmn .bpmn-current[data-element-id='" + RecruitmentProcess.TASK_SCHEDULE_INTAKE + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(
                "#case-diagram-bpmn .bpmn-done[data-element-id='" + RecruitmentProcess.TASK_SCREEN_APPLICATION + "']"))).hasSize(1);
        assertThat(text(By.id("case-diagram-current"))).startsWith("Huidige stap: ");
    }

    @Test
    void the_public_help_request_form_opens_without_signing_in() {
        browser.get(url("/hulpvraag"));
        waitFor(() -> !browser.findElements(By.id("help-kind")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/hulpvraag");
    }

    @Test
    void the_public_application_form_opens_without_signing_in() {
        browser.get(url("/aanmelden"));
        waitFor(() -> !browser.findElements(By.id("form-submit")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/aanmelden");
    }

    private void signIn(String username, String password) {
        waitFor(() -> deep("input[name='username']") != null);
        deep("input[name='username']").sendKeys(username);
        deep("input[name='password']").sendKeys(password);
        deep("vaadin-button[slot='submit']").click();
    }

    /** Finds an element also inside shadow roots (Vaadin's login form). */
    private WebElement deep(String css) {
        Object found = ((JavascriptExecutor) browser).executeScript("""
                const find = (root, css) => {
                  const hit = root.querySelector(css);
                  if (hit) return hit;
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) { const inner = find(el.shadowRoot, css); if (inner) return inner; }
                  }
                  return null;
                };
                return find(document, arguments[0]);""", css);
        return (WebElement) found;
    }

    /** Scrolls the element to the middle of the window first, clear of the page's edges. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private String text(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> condition.getAsBoolean());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
