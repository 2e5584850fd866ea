package nl.steunpunt.buddy.ui;

import static nl.steunpunt.buddy.ui.MatchingWorld.await;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.shared.CaseAnonymiser;
import nl.steunpunt.buddy.support.ConcernUrgency;
import nl.steunpunt.buddy.support.ContactEntry;
import nl.steunpunt.buddy.support.ContactKind;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.HowItGoes;
import nl.steunpunt.buddy.support.MatchCase;
import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.support.NewCheckIn;
import nl.steunpunt.buddy.support.NewConcern;
import nl.steunpunt.buddy.support.NewContact;
import nl.steunpunt.buddy.support.RecordedTheme;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The support module's part of anonymisation: the free texts of a case's meetings, concerns,
 * check-ins, reviews and contact log are gone; dates, kinds, minutes, statuses and themes stay; other
 * cases are untouched; running it twice changes nothing more.
 */
class SupportAnonymiserTest extends ApplicationTest {

    @Autowired TestWorld world;
    @Autowired MatchingWorld matching;
    @Autowired SupportWorld supportWorld;
    @Autowired SupportActions support;
    @Autowired SupportRecords records;
    @Autowired ContactLog contactLog;
    @Autowired WorkItems workItems;
    @Autowired List<CaseAnonymiser> anonymisers;
    @Autowired JdbcClient db;
    @Autowired Clock clock;

    @Test
    void the_free_texts_of_a_case_are_replaced_and_what_statistics_need_stays() {
        MatchingWorld.Scene scene = matching.scene();
        List<MatchingWorld.Buddy> buddies = matching.certifiedBuddies(scene, buddy("tess"), buddy("uma"));
        BuddyMatch match = withRecords(scene, buddies.get(0), "Tess");
        BuddyMatch untouched = withRecords(scene, buddies.get(1), "Uma");
        CaseAnonymiser anonymiser = anonymisers.stream().filter(a -> a.getClass().getName().startsWith("nl.steunpunt.buddy.support."))
                .findFirst().orElseThrow();

        anonymiser.anonymiseCase(match.request().value(), match.matchId());
        anonymiser.anonymiseCase(match.request().value(), match.matchId());

        MatchCase anonymised = world.as(scene.coordinator(), () -> records.open(match.matchId()));
        assertThat(anonymised.toString()).doesNotContain("Tess");
        assertThat(anonymised.meetings()).singleElement().satisfies(m -> {
            assertThat(m.startsAt()).isEqualTo(LocalDate.now(clock).plusDays(3).atTime(10, 0).atZone(clock.getZone()).toInstant());
            assertThat(m.purpose()).contains("[geanonimiseerd]");
        });
        assertThat(anonymised.concerns()).singleElement().satisfies(c -> assertThat(c.urgency()).isEqualTo(ConcernUrgency.URGENT));
        assertThat(anonymised.checkIns()).singleElement().satisfies(c -> {
            assertThat(c.going()).isEqualTo(HowItGoes.DIFFICULT);
            assertThat(c.heldOn()).isEqualTo(LocalDate.now(clock));
            assertThat(c.followUp()).isEmpty();
        });
        List<ContactEntry> contacts = world.as(scene.coordinator(), () -> contactLog.logOf(match.matchId())).entries();
        assertThat(contacts).singleElement().satisfies(c -> {
            assertThat(c.topics()).contains("[geanonimiseerd]");
            assertThat(c.kind()).isEqualTo(ContactKind.VISIT);
            assertThat(c.minutes()).isEqualTo(50);
            assertThat(c.themes()).extracting(RecordedTheme::code).containsExactly("THUISZITTEN");
        });
        assertThat(db.sql("SELECT count(*) FROM school_meeting m JOIN support_concern c ON c.match_id = m.match_id "
                + "WHERE m.match_id = ? AND (m.school LIKE '%Tess%' OR c.text LIKE '%Tess%')").param(match.matchId()).query(Long.class).single())
                .isZero();

        MatchCase other = world.as(scene.coordinator(), () -> records.open(untouched.matchId()));
        assertThat(other.toString()).contains("Uma");
        assertThat(world.as(scene.coordinator(), () -> contactLog.logOf(untouched.matchId())).entries().get(0).topics().orElseThrow())
                .contains("Uma");
    }

    private BuddyMatch withRecords(MatchingWorld.Scene scene, MatchingWorld.Buddy buddy, String name) {
        BuddyMatch match = supportWorld.activeMatch(scene, buddy);
        UUID matchId = match.matchId();
        await().until(() -> support.isRunning(matchId));
        world.as(buddy.username(), () -> {
            support.planSchoolMeeting(matchId, new MeetingPlan(LocalDate.now(clock).plusDays(3), LocalTime.of(10, 0), LocalTime.of(11, 0),
                    "Basisschool van " + name, "Gesprek over " + name + " en haar zoon"));
            support.raiseConcern(matchId, new NewConcern(name + " vertelde over thuis", ConcernUrgency.URGENT));
            contactLog.record(matchId, new NewContact(LocalDate.now(clock), ContactKind.VISIT, 50, "Bij " + name + " thuis", Set.of("THUISZITTEN")));
            return null;
        });
        world.as(scene.coordinator(), () -> {
            records.recordCheckIn(matchId, new NewCheckIn(LocalDate.now(clock), HowItGoes.DIFFICULT, "Zorgen om " + name, null));
            return null;
        });
        WorkItem concern = matching.awaitTask(scene.coordinator(), matchId.toString(), SupportProcess.TASK_DISCUSS_CONCERN);
        world.as(scene.coordinator(), () -> {
            workItems.complete(concern.id(), Map.of(), () -> records.handleConcern(support.concernOf(concern.id()),
                    "Met " + name + " gesproken", "Bellen"));
            return null;
        });
        return match;
    }
}
