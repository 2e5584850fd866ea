package nl.steunpunt.buddy.ui.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.intervisie.Attendance;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.NewGroup;
import nl.steunpunt.buddy.intervisie.SessionKind;
import nl.steunpunt.buddy.intervisie.SessionPlan;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Demo intervisie in Utrecht, led by trainer.utrecht (also facilitator): a group of the three demo
 * buddies whose first session has just been held (a short one at start-up, attendance and themes
 * recorded) with the next one planned seven weeks on, and an exchange meeting in three weeks.
 */
@Component
@Profile("demo")
class DemoIntervisie {

    private static final RegionCode UTRECHT = new RegionCode(DemoAccounts.UTRECHT);
    private static final String FACILITATOR = "trainer.utrecht";

    private final DemoSteps steps;
    private final Intervisie intervisie;
    private final IntervisieCycle cycle;
    private final WorkItems workItems;
    private final Clock clock;

    DemoIntervisie(DemoSteps steps, Intervisie intervisie, IntervisieCycle cycle, WorkItems workItems, Clock clock) {
        this.steps = steps;
        this.intervisie = intervisie;
        this.cycle = cycle;
        this.workItems = workItems;
        this.clock = clock;
    }

    /** Seeds with the certified demo buddies (buddy.utrecht, buddy.zeist, buddy.nieuwegein). */
    void seed(List<ApplicationId> buddies) throws InterruptedException {
        try {
            steps.signIn(FACILITATOR);
            UUID group = intervisie.createGroup(new NewGroup(UTRECHT, "Intervisiegroep Utrecht", SessionKind.INTERVISIE, Set.copyOf(buddies)));
            steps.await(() -> cycle.awaitsPlan(group), "the intervisie group's planning");
            LocalDateTime start = LocalDateTime.now(clock).plusSeconds(3).withNano(0);
            UUID held = cycle.plan(group, new SessionPlan(start, start.plusSeconds(5), "Steunpunt Utrecht, zaal 1"));
            WorkItem record = steps.awaitTask(group, IntervisieProcess.TASK_RECORD_SESSION);
            workItems.complete(record.id(), Map.of(), () -> intervisie.record(held, Map.of(buddies.get(0), Attendance.PRESENT,
                    buddies.get(1), Attendance.PRESENT, buddies.get(2), Attendance.EXCUSED),
                    Set.of("THUISZITTEN", "WACHTLIJST_ZORG", "COMMUNICATIE_SCHOOL_OUDERS")));
            steps.awaitTask(group, IntervisieProcess.TASK_PLAN_SESSION);
            LocalDateTime next = LocalDate.now(clock).plusWeeks(7).atTime(LocalTime.of(19, 30));
            cycle.plan(group, new SessionPlan(next, next.plusHours(2), "Steunpunt Utrecht, zaal 1"));

            UUID exchange = intervisie.createGroup(new NewGroup(UTRECHT, "Uitwisseling buddy's Utrecht",
                    SessionKind.EXCHANGE, Set.copyOf(buddies)));
            steps.await(() -> cycle.awaitsPlan(exchange), "the exchange series' planning");
            LocalDateTime meeting = LocalDate.now(clock).plusWeeks(3).atTime(LocalTime.of(19, 30));
            cycle.plan(exchange, new SessionPlan(meeting, meeting.plusHours(2), "Wijkcentrum Zeist"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }



}
