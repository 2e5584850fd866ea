package nl.steunpunt.buddy.ui.closure;

import java.time.Clock;
import java.util.UUID;

import com.vaadin.flow.component.Component;

import nl.steunpunt.buddy.closure.ClosureFile;
import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** A coordinator's task screen about the closure of one match; opening its closure file is logged. */
public abstract class ClosureTaskScreen extends TaskScreen {

    protected final Closures closures;
    private final Clock clock;
    /** The closure as opened for this screen. */
    protected ClosureFile file;

    protected ClosureTaskScreen(WorkItems workItems, CurrentActor currentActor, Actors actors, Closures closures, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.closures = closures;
        this.clock = clock;
    }

    protected static UUID matchId(WorkItem item) {
        return UUID.fromString(item.subjectId());
    }

    @Override
    protected Component caseFile(WorkItem item) {
        file = closures.file(matchId(item));
        return new ClosureSummary(file, clock.getZone());
    }

    protected Clock clock() {
        return clock;
    }
}
