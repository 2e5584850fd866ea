package nl.steunpunt.buddy.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.steunpunt.buddy.intervisie.Attendance;
import nl.steunpunt.buddy.intervisie.GroupMember;
import nl.steunpunt.buddy.intervisie.GroupStatus;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.IntervisieSession;
import nl.steunpunt.buddy.intervisie.NewGroup;
import nl.steunpunt.buddy.intervisie.SessionKind;
import nl.steunpunt.buddy.intervisie.SessionPlan;
import nl.steunpunt.buddy.intervisie.SessionStatus;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.SentMail;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Intervisie through the whole application, job executor on: a group starts its cycle, sessions are
 * planned, moved, cancelled, held and recorded, a buddy who misses twice in a row gets a coordinator
 * check-in, the 6–8 week window holds, the members are mailed, and the group closes.
 */
class IntervisieFlowIntegrationTest extends ApplicationTest {

    @Autowired IntervisieWorld intervisieWorld;
    @Autowired TestWorld world;
    @Autowired Intervisie intervisie;
    @Autowired IntervisieCycle cycle;
    @Autowired WorkItems workItems;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_group_meets_every_six_to_eight_weeks_and_a_buddy_who_misses_twice_gets_a_check_in() {
        IntervisieWorld.Scene scene = intervisieWorld.scene();
        String facilitator = scene.facilitator();
        UUID group = intervisieWorld.group(scene, "Intervisie Oost", SessionKind.INTERVISIE);
        String reference = intervisie.referenceOf(group);

        WorkItem plan = intervisieWorld.awaitTask(facilitator, group, IntervisieProcess.TASK_PLAN_SESSION);
        assertThat(plan.phase()).isEqualTo(Phase.INTERVISIE);
        assertThat(plan.region()).isEqualTo(scene.region().region());
        assertThat(plan.caseReference()).isEqualTo(reference);
        assertThat(plan.due()).isPresent();
        assertThat(cycle.awaitsPlan(group)).isTrue();

        // The first session: planned through the planner, all three members invited.
        LocalDateTime first = intervisieWorld.evening(7);
        UUID session1 = as(facilitator, () -> cycle.plan(group, new SessionPlan(first, first.plusHours(2), "Steunpunt, zaal 1")));
        assertThat(cycle.awaitsPlan(group)).isFalse();
        assertThat(intervisieWorld.sessionTimer(group).getDuedate().toInstant()).isEqualTo(intervisie.sessionEndsAt(session1));
        awaitMails(reference, MailTemplate.INTERVISIE_INVITATION, 3);
        assertThat(mails(reference, MailTemplate.INTERVISIE_INVITATION)).extracting(SentMail::to)
                .containsExactlyInAnyOrderElementsOf(scene.buddies().stream().map(MatchingWorld.Buddy::email).toList());

        // A second plan while one is planned is refused.
        assertThatThrownBy(() -> as(facilitator, () -> cycle.plan(group, new SessionPlan(first, first.plusHours(2), "Elders"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("error.intervisie.not-planning");

        // Moved by a day: the wait is recalculated, the members hear of it.
        LocalDateTime moved = first.plusDays(1);
        as(facilitator, () -> {
            cycle.reschedule(session1, new SessionPlan(moved, moved.plusHours(2), "Steunpunt, zaal 2"));
            return null;
        });
        assertThat(intervisie.sessionEndsAt(session1)).isEqualTo(moved.plusHours(2).atZone(clock.getZone()).toInstant());
        assertThat(intervisieWorld.sessionTimer(group).getDuedate().toInstant()).isEqualTo(intervisie.sessionEndsAt(session1));
        awaitMails(reference, MailTemplate.INTERVISIE_MOVED, 3);

        // The session passes; the group cannot close before it is recorded.
        WorkItem record = intervisieWorld.pass(scene, group, session1);
        assertThatThrownBy(() -> as(facilitator, () -> {
            cycle.close(group);
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("error.intervisie.record-first");
        assertThat(as(facilitator, () -> intervisie.group(group)).status()).isEqualTo(GroupStatus.ACTIVE);
        // Recording needs every member.
        assertThatThrownBy(() -> as(facilitator, () -> {
            workItems.complete(record.id(), Map.of(), () -> intervisie.record(session1, Map.of(scene.anna().id(), Attendance.ABSENT),
                    Set.of()));
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("error.intervisie.attendance");
        // Anna absent, Bea present, Cor excused; two themes.
        as(facilitator, () -> {
            workItems.complete(record.id(), Map.of(), () -> intervisie.record(session1, Map.of(scene.anna().id(), Attendance.ABSENT,
                    scene.bea().id(), Attendance.PRESENT, scene.cor().id(), Attendance.EXCUSED), Set.of("THUISZITTEN", "VERVOER")));
            return null;
        });
        IntervisieSession held = as(facilitator, () -> intervisie.session(session1));
        assertThat(held.status()).isEqualTo(SessionStatus.HELD);
        assertThat(held.attendance()).containsEntry(scene.anna().id(), Attendance.ABSENT).containsEntry(scene.cor().id(), Attendance.EXCUSED);
        assertThat(held.themeCodes()).containsExactly("THUISZITTEN", "VERVOER");
        intervisieWorld.awaitTask(facilitator, group, IntervisieProcess.TASK_PLAN_SESSION);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(IntervisieProcess.TASK_CHECK_IN_AFTER_MISSED).count()).as("one miss is no check-in").isZero();

        // The next session falls 6 to 8 weeks after the last one held: three weeks or nine is refused, nothing saved.
        LocalDateTime tooSoon = moved.plusWeeks(3);
        LocalDateTime tooLate = moved.plusWeeks(9);
        for (LocalDateTime wrong : List.of(tooSoon, tooLate)) {
            assertThatThrownBy(() -> as(facilitator, () -> cycle.plan(group, new SessionPlan(wrong, wrong.plusHours(2), "Zaal 1"))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("error.intervisie.window");
        }
        assertThat(as(facilitator, () -> intervisie.sessions(group))).hasSize(1);
        assertThat(cycle.awaitsPlan(group)).isTrue();

        // Planned at seven weeks, then cancelled: back to planning, the members hear of it.
        LocalDateTime second = moved.plusWeeks(7);
        UUID session2 = as(facilitator, () -> cycle.plan(group, new SessionPlan(second, second.plusHours(2), "Zaal 1")));
        as(facilitator, () -> {
            cycle.cancel(session2);
            return null;
        });
        assertThat(as(facilitator, () -> intervisie.session(session2)).status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(cycle.awaitsPlan(group)).isTrue();
        awaitMails(reference, MailTemplate.INTERVISIE_CANCELLED, 3);

        // Planned again (the window still counts from the last session held) and held: Anna misses again, Bea for the first time.
        LocalDateTime third = moved.plusWeeks(8);
        UUID session3 = as(facilitator, () -> cycle.plan(group, new SessionPlan(third, third.plusHours(2), "Zaal 1")));
        WorkItem record3 = intervisieWorld.pass(scene, group, session3);
        as(facilitator, () -> {
            workItems.complete(record3.id(), Map.of(), () -> intervisie.record(session3, Map.of(scene.anna().id(), Attendance.ABSENT,
                    scene.bea().id(), Attendance.ABSENT, scene.cor().id(), Attendance.PRESENT), Set.of("THUISZITTEN")));
            return null;
        });
        assertThat(intervisie.missedTwiceCount(session3)).isEqualTo(1);

        // The coordinator's check-in lists Anna only; the facilitator plans on beside it.
        WorkItem checkIn = intervisieWorld.awaitTask(scene.coordinator(), group, IntervisieProcess.TASK_CHECK_IN_AFTER_MISSED);
        intervisieWorld.awaitTask(facilitator, group, IntervisieProcess.TASK_PLAN_SESSION);
        assertThat(as(scene.coordinator(), () -> cycle.sessionOf(checkIn.id()))).contains(session3);
        assertThat(as(scene.coordinator(), () -> intervisie.missedTwice(session3))).extracting(GroupMember::buddy)
                .containsExactly(scene.anna().id());
        assertThatThrownBy(() -> as(facilitator, () -> intervisie.missedTwice(session3))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(scene.coordinator(), () -> {
            intervisie.recordCheckIns(session3, Map.of(scene.anna().id(), " "));
            return null;
        })).isInstanceOf(InvalidInputException.class);
        as(scene.coordinator(), () -> {
            workItems.complete(checkIn.id(), Map.of(), () -> intervisie.recordCheckIns(session3,
                    Map.of(scene.anna().id(), "Gebeld: drukke maanden, komt de volgende keer weer.")));
            return null;
        });
        assertThat(as(scene.coordinator(), () -> intervisie.checkIns(session3)))
                .containsExactly(Map.entry(scene.anna().id(), "Gebeld: drukke maanden, komt de volgende keer weer."));

        // The group closes while planning: the cycle ends.
        as(facilitator, () -> {
            cycle.close(group);
            return null;
        });
        assertThat(as(facilitator, () -> intervisie.group(group)).status()).isEqualTo(GroupStatus.CLOSED);
        await().until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).finished().count() == 1);
        assertThatThrownBy(() -> as(facilitator, () -> cycle.plan(group, new SessionPlan(third, third.plusHours(2), "Zaal 1"))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void only_facilitators_of_the_region_start_and_plan_and_only_certified_buddies_of_the_region_join() {
        IntervisieWorld.Scene scene = intervisieWorld.scene();
        Set<ApplicationId> all = Set.of(scene.anna().id(), scene.bea().id(), scene.cor().id());
        NewGroup group = new NewGroup(scene.region().region(), "Uitwisseling", SessionKind.EXCHANGE, all);
        String other = intervisieWorld.otherFacilitator();

        assertThatThrownBy(() -> as(scene.anna().username(), () -> intervisie.createGroup(group))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(scene.coordinator(), () -> intervisie.createGroup(group))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(other, () -> intervisie.createGroup(group))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(scene.facilitator(), () -> intervisie.createGroup(new NewGroup(scene.region().region(), "Klein",
                SessionKind.INTERVISIE, Set.of(scene.anna().id()))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("error.intervisie.size");
        assertThatThrownBy(() -> as(scene.facilitator(), () -> intervisie.createGroup(new NewGroup(scene.region().region(), "Vreemd",
                SessionKind.INTERVISIE, Set.of(scene.anna().id(), scene.bea().id(), new ApplicationId(UUID.randomUUID()))))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("error.intervisie.member");

        UUID exchange = intervisieWorld.group(scene, "Uitwisseling najaar", SessionKind.EXCHANGE);
        LocalDateTime day = intervisieWorld.evening(3);
        assertThatThrownBy(() -> as(other, () -> cycle.plan(exchange, new SessionPlan(day, day.plusHours(2), "Zaal 1"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(other, () -> intervisie.sessions(exchange))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(scene.facilitator(), () -> cycle.plan(exchange, new SessionPlan(day.minusDays(10), day.minusDays(10)
                .plusHours(2), "Zaal 1")))).isInstanceOf(InvalidInputException.class).hasMessageContaining("error.intervisie.past");
        UUID planned = as(scene.facilitator(), () -> cycle.plan(exchange, new SessionPlan(day, day.plusHours(2), "Zaal 1")));
        // A buddy sees her own upcoming session; the coordinator reads but does not plan.
        assertThat(as(scene.bea().username(), () -> intervisie.mySessions())).anyMatch(s -> s.id().equals(planned));
        assertThat(as(scene.coordinator(), () -> intervisie.sessions(exchange))).extracting(IntervisieSession::id).containsExactly(planned);
        assertThatThrownBy(() -> as(scene.coordinator(), () -> {
            cycle.cancel(planned);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        // Closing cancels the planned session and ends the cycle.
        as(scene.facilitator(), () -> {
            cycle.close(exchange);
            return null;
        });
        assertThat(as(scene.facilitator(), () -> intervisie.session(planned)).status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(as(scene.bea().username(), () -> intervisie.mySessions())).noneMatch(s -> s.id().equals(planned));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(intervisie.referenceOf(exchange))
                .finished().count()).isEqualTo(1);
    }

    private <T> T as(String username, java.util.function.Supplier<T> action) {
        return world.as(username, action);
    }

    private List<SentMail> mails(String reference, MailTemplate template) {
        return world.outbox().stream().filter(m -> reference.equals(m.caseReference()) && m.template() == template).toList();
    }

    private void awaitMails(String reference, MailTemplate template, int count) {
        await().until(() -> mails(reference, template).size() >= count);
        assertThat(mails(reference, template)).hasSize(count);
    }
}
