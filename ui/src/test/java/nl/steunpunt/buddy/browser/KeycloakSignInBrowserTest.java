package nl.steunpunt.buddy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;

/**
 * Single sign-on through a real Keycloak (started by {@code infra/keycloak/start.sh} with the realm
 * {@code steunpunt}) in headless Chromium: a coordinator signs in on Keycloak's page, sees her own
 * region only and completes a task; a buddy cannot open coordinator views; logging out ends the
 * session in the app and in Keycloak; a session ended in Keycloak ends in the app too (back-channel).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({ "test", "keycloak" })
class KeycloakSignInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final RegionCode UTRECHT = new RegionCode("PO-2605");
    private static final RegionCode EEMLAND = new RegionCode("VO-2606");
    private static final int APP_PORT = KeycloakServer.freePort();
    private static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    private static KeycloakServer keycloak;
    private static WebDriver browser;

    @Autowired TestWorld world;
    @Autowired Regions regions;
    @Autowired LocalAccounts accounts;
    @Autowired Applications applications;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        MAIL.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        keycloak = KeycloakServer.start(APP_PORT);
        registry.add("server.port", () -> APP_PORT);
        registry.add("spring.security.oauth2.client.provider.keycloak.issuer-uri", keycloak::issuer);
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
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (keycloak != null) {
            keycloak.stop();
        }
        MAIL.stop();
    }

    @BeforeEach
    void regionsOfTheRealm() throws Exception {
        world.ensure();
        regions.save(new Region(UTRECHT, "SWV PO Utrecht (test)"));
        regions.save(new Region(EEMLAND, "SWV VO Eemland (test)"));
        // Local stand-ins to wait for tasks on the server side; the browser signs in through Keycloak only.
        accounts.save("observer.utrecht", "Observer Utrecht", TestWorld.PASSWORD, Set.of(Role.COORDINATOR), Set.of(UTRECHT));
        accounts.save("observer.eemland", "Observer Eemland", TestWorld.PASSWORD, Set.of(Role.COORDINATOR), Set.of(EEMLAND));
        // No session of an earlier test left in Keycloak, nor a cookie (app's or Keycloak's, all paths).
        keycloak.logOutEverywhere("coordinator.utrecht");
        keycloak.logOutEverywhere("buddy.utrecht");
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void a_coordinator_signs_in_on_keycloaks_page_sees_only_her_region_and_completes_a_task() {
        ApplicationId own = world.apply(UTRECHT);
        ApplicationId other = world.apply(EEMLAND);
        WorkItem task = world.awaitTask("observer.utrecht", own, RecruitmentProcess.TASK_SCREEN_APPLICATION);
        WorkItem foreign = world.awaitTask("observer.eemland", other, RecruitmentProcess.TASK_SCREEN_APPLICATION);

        browser.get(app("/inbox"));
        signInOnKeycloak("coordinator.utrecht");
        waitFor(() -> browser.getCurrentUrl().startsWith(app("/")) && !browser.findElements(By.id("main-menu")).isEmpty());
        browser.get(app("/inbox"));
        waitFor(() -> text(By.id("inbox-grid")).contains(task.caseReference()));
        assertThat(text(By.id("inbox-grid"))).doesNotContain(foreign.caseReference());
        assertThat(text(By.tagName("body"))).contains("Sanne de Vries");

        browser.get(app("/taken/aanmelding-beoordelen/" + foreign.id()));
        waitFor(() -> !browser.findElements(By.id("task-problem")).isEmpty());

        browser.get(app("/taken/aanmelding-beoordelen/" + task.id()));
        waitFor(() -> !browser.findElements(By.id("screening-suitable")).isEmpty());
        List<WebElement> options = browser.findElement(By.id("screening-suitable")).findElements(By.tagName("vaadin-radio-button"));
        click(options.get(0));
        click(browser.findElement(By.id("complete-task")));
        waitFor(() -> browser.getCurrentUrl().endsWith("/inbox"));
        assertThat(applications.status(own)).isEqualTo(ApplicationStatus.INTAKE_PLANNING);
        assertThat(applications.status(other)).isEqualTo(ApplicationStatus.SCREENING);
    }

    @Test
    void a_buddy_signed_in_through_keycloak_cannot_open_coordinator_views() {
        browser.get(app("/"));
        signInOnKeycloak("buddy.utrecht");
        waitFor(() -> !browser.findElements(By.id("main-menu")).isEmpty());
        assertThat(text(By.id("main-menu"))).doesNotContain("Takenlijst");

        for (String route : List.of("/inbox", "/aanmeldingen", "/hulpvragen", "/buddies")) {
            browser.get(app(route));
            waitFor(() -> !browser.findElements(By.id("page-problem")).isEmpty());
            assertThat(browser.findElements(By.id("inbox-grid"))).isEmpty();
        }
    }

    @Test
    void logging_out_ends_the_session_in_the_app_and_in_keycloak() {
        browser.get(app("/"));
        signInOnKeycloak("coordinator.utrecht");
        waitFor(() -> !browser.findElements(By.id("logout")).isEmpty());

        click(browser.findElement(By.id("logout")));
        waitFor(() -> onKeycloakLoginPage());
        browser.get(app("/inbox"));
        waitFor(() -> onKeycloakLoginPage());
        assertThat(browser.findElements(By.id("inbox-grid"))).isEmpty();
    }

    @Test
    void a_session_ended_in_keycloak_ends_in_the_app_too() throws Exception {
        browser.get(app("/"));
        signInOnKeycloak("coordinator.utrecht");
        waitFor(() -> !browser.findElements(By.id("main-menu")).isEmpty());

        keycloak.logOutEverywhere("coordinator.utrecht");

        // Keycloak tells the app on its own connection; the next page the user opens asks her to sign in.
        waitFor(() -> {
            browser.get(app("/inbox"));
            return onKeycloakLoginPage();
        });
        assertThat(browser.findElements(By.id("inbox-grid"))).isEmpty();
    }

    private void signInOnKeycloak(String username) {
        waitFor(this::onKeycloakLoginPage);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
    }

    private boolean onKeycloakLoginPage() {
        return browser.getCurrentUrl().startsWith(keycloak.issuer()) && !browser.findElements(By.id("kc-login")).isEmpty();
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private String text(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> condition.getAsBoolean());
    }

    private static String app(String path) {
        return "http://localhost:" + APP_PORT + path;
    }
}
