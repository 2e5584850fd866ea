package nl.steunpunt.buddy.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** Matches to log contacts on: accepted by the buddy (starting) or through the introduction (active). */
@Component
public class SupportWorld {

    private final TestWorld world;
    private final MatchingWorld matching;
    private final Matchmaking matchmaking;
    private final WorkItems workItems;
    private final Clock clock;

    SupportWorld(TestWorld world, MatchingWorld matching, Matchmaking matchmaking, WorkItems workItems, Clock clock) {
        this.world = world;
        this.matching = matching;
        this.matchmaking = matchmaking;
        this.workItems = workItems;
        this.clock = clock;
    }

    /** A match of this buddy: a fresh request, intake, proposal and her acceptance. */
    public BuddyMatch startingMatch(MatchingWorld.Scene scene, MatchingWorld.Buddy buddy) {
        HelpRequestId request = matching.request(scene).submit();
        matching.toProposeTask(scene, request);
        matching.propose(scene.coordinator(), request, buddy, null);
        matching.answer(buddy, request, true, null);
        matching.awaitStatus(request, HelpRequestStatus.MATCHED);
        return matchOf(buddy, request);
    }

    /** A starting match taken through first contact and introduction until it is active. */
    public BuddyMatch activeMatch(MatchingWorld.Scene scene, MatchingWorld.Buddy buddy) {
        BuddyMatch match = startingMatch(scene, buddy);
        HelpRequestId request = match.request();
        LocalDate today = LocalDate.now(clock);
        WorkItem firstContact = matching.awaitTask(buddy.username(), request, MatchingProcess.TASK_FIRST_CONTACT);
        world.as(buddy.username(), () -> {
            workItems.complete(firstContact.id(), Map.of(), () -> matchmaking.recordFirstContact(request, today, "Gebeld"));
            return null;
        });
        WorkItem introduction = matching.awaitTask(scene.coordinator(), request, MatchingProcess.TASK_INTRODUCTION_MEETING);
        world.as(scene.coordinator(), () -> {
            workItems.complete(introduction.id(), Map.of(), () -> matchmaking.recordIntroduction(request, today, "Kennismaking"));
            return null;
        });
        matching.awaitStatus(request, HelpRequestStatus.ACTIVE);
        return matchOf(buddy, request);
    }

    private BuddyMatch matchOf(MatchingWorld.Buddy buddy, HelpRequestId request) {
        return world.as(buddy.username(), () -> matchmaking.myMatches()).stream().filter(m -> m.request().equals(request))
                .findFirst().orElseThrow();
    }
}
