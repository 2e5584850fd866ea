package nl.steunpunt.buddy.ui.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.NewApplication;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.workflow.EngineClockShift;

/**
 * Work that waited too long, for the dashboard's overdue figures: per demo region {@value #CASES} buddy
 * applications and {@value #CASES} help requests that came in {@link #BACK} ago and were never picked
 * up. They go through the real services and processes while the application's clock and the engine's
 * run that far behind, so their dates, their tasks' due dates and the engine's history agree; the
 * screening and intake tasks are now past their due date.
 */
@Component
@Profile("demo")
class DemoPast {

    static final int CASES = 6;
    static final Duration BACK = Duration.ofDays(12);

    private static final Logger log = LoggerFactory.getLogger(DemoPast.class);
    private static final String[][] APPLICANTS = { { "Mirjam", "Kuipers" }, { "Youssef", "Amrani" }, { "Ineke", "Timmermans" },
            { "Sander", "Boersma" }, { "Fenna", "de Lange" }, { "Ruben", "Evers" } };
    private static final String[] FAMILIES = { "Familie Hoogland", "Familie Aydın", "Familie Stam", "Familie Vermeulen", "Familie Lambert",
            "Familie Nijhuis" };

    private final DemoClock clock;
    private final EngineClockShift engineClock;
    private final Applications applications;
    private final HelpRequests requests;
    private final DemoSteps steps;

    DemoPast(DemoClock clock, EngineClockShift engineClock, Applications applications, HelpRequests requests, DemoSteps steps) {
        this.clock = clock;
        this.engineClock = engineClock;
        this.applications = applications;
        this.requests = requests;
        this.steps = steps;
    }

    void seed() throws InterruptedException {
        engineClock.shift(BACK.negated());
        clock.shift(BACK.negated());
        try {
            region(DemoAccounts.UTRECHT, "coordinator.utrecht", "Utrecht", 0);
            region(DemoAccounts.EEMLAND, "coordinator.eemland", "Amersfoort", 1);
        } finally {
            clock.reset();
            engineClock.reset();
            SecurityContextHolder.clearContext();
        }
        log.info("Demo: {} applications and {} help requests per region waiting since {} days", CASES, CASES, BACK.toDays());
    }

    private void region(String code, String coordinator, String place, int salt) throws InterruptedException {
        RegionCode region = new RegionCode(code);
        List<ApplicationId> submitted = new ArrayList<>();
        List<HelpRequestId> asked = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String first = APPLICANTS[i][0];
            String last = APPLICANTS[i][1];
            String email = (first + "." + last + "." + salt).toLowerCase(java.util.Locale.ROOT).replace(" ", "") + "@example.org";
            submitted.add(applications.submit(new NewApplication(first, last, email, "06-2222" + String.format("%02d%02d", salt, i), region,
                    Set.of(SchoolLevel.values()[i % SchoolLevel.values().length]), Set.of(ProblemArea.THUISZITTER),
                    Set.of("nl"), 2 + i % 3, "Ik wil andere ouders bijstaan, zoals ik zelf geholpen ben.", true, "nl"), UUID.randomUUID()));
            String family = FAMILIES[i] + (salt == 0 ? "" : " (Eemland)");
            asked.add(requests.submit(new NewHelpRequest(RequesterKind.PARENT, family,
                    "ouders." + i + "." + salt + ".wacht@example.org", "06-3333" + String.format("%02d%02d", salt, i), region,
                    SchoolLevel.values()[i % 2], Set.of(ProblemArea.values()[1 + i % (ProblemArea.values().length - 2)]), "nl", Urgency.NORMAL,
                    null, null, place, "Ons kind zit al weken thuis en we weten niet meer wat we met school moeten afspreken.", true, "nl"),
                    UUID.randomUUID()));
        }
        // the tasks must open while the clocks run behind, so that their due dates lie in the past now
        steps.signIn(coordinator);
        for (ApplicationId id : submitted) {
            steps.awaitTask(id.value(), RecruitmentProcess.TASK_SCREEN_APPLICATION);
        }
        for (HelpRequestId id : asked) {
            steps.awaitTask(id.value(), MatchingProcess.TASK_INTAKE_REQUEST);
        }
        SecurityContextHolder.clearContext();
    }
}
