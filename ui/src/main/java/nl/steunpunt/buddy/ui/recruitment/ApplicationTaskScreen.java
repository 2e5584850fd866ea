package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;

import com.vaadin.flow.component.Component;

import nl.steunpunt.buddy.recruitment.ApplicationDetails;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** A task screen about one buddy application. */
public abstract class ApplicationTaskScreen extends TaskScreen {

    protected final Applications applications;
    private final Clock clock;

    ApplicationTaskScreen(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.applications = applications;
        this.clock = clock;
    }

    protected ApplicationId applicationId(WorkItem item) {
        return ApplicationId.of(item.subjectId());
    }

    /** The case file as opened for this screen (opening it is logged once). */
    protected ApplicationDetails details;

    @Override
    protected Component caseFile(WorkItem item) {
        details = applications.open(applicationId(item));
        return new ApplicationCaseFile(details, clock.getZone());
    }

    protected Clock clock() {
        return clock;
    }
}
