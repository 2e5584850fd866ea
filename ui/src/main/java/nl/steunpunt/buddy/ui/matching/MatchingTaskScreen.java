package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;

import com.vaadin.flow.component.Component;

import nl.steunpunt.buddy.matching.HelpRequestDetails;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** A coordinator's task screen about one help request; opening its case file is logged. */
public abstract class MatchingTaskScreen extends TaskScreen {

    protected final HelpRequests requests;
    private final Clock clock;
    /** The case file as opened for this screen. */
    protected HelpRequestDetails details;

    protected MatchingTaskScreen(WorkItems workItems, CurrentActor currentActor, Actors actors, HelpRequests requests, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.requests = requests;
        this.clock = clock;
    }

    protected HelpRequestId requestId(WorkItem item) {
        return HelpRequestId.of(item.subjectId());
    }

    @Override
    protected Component caseFile(WorkItem item) {
        details = requests.open(requestId(item));
        return new HelpRequestCaseFile(details, clock.getZone());
    }

    protected Clock clock() {
        return clock;
    }
}
