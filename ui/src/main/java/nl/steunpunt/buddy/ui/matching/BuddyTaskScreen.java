package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * A buddy's own task about a request: assigned to her alone (nothing to claim or pass on), without
 * the coordinators' notes and timeline.
 */
public abstract class BuddyTaskScreen extends TaskScreen {

    protected final Matchmaking matchmaking;
    private final Clock clock;

    protected BuddyTaskScreen(WorkItems workItems, CurrentActor currentActor, Actors actors, Matchmaking matchmaking, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.matchmaking = matchmaking;
        this.clock = clock;
    }

    protected HelpRequestId requestId(WorkItem item) {
        return HelpRequestId.of(item.subjectId());
    }

    protected Clock clock() {
        return clock;
    }

    @Override
    protected String returnRoute() {
        return "mijn-koppelingen";
    }

    @Override
    protected boolean isShared() {
        return false;
    }

    @Override
    protected boolean showsCaseNotes() {
        return false;
    }
}
