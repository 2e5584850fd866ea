package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.util.UUID;

import com.vaadin.flow.component.Component;

import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.support.MatchCase;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** A task screen about one match in begeleiding; its case file is the match's support records (opening it is logged). */
public abstract class SupportTaskScreen extends TaskScreen {

    protected final SupportRecords records;
    protected final SupportActions support;
    private final Clock clock;
    /** The support records as opened for this screen. */
    protected MatchCase matchCase;

    protected SupportTaskScreen(WorkItems workItems, CurrentActor currentActor, Actors actors, SupportRecords records,
            SupportActions support, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.records = records;
        this.support = support;
        this.clock = clock;
    }

    protected UUID matchId(WorkItem item) {
        return UUID.fromString(item.subjectId());
    }

    @Override
    protected Component caseFile(WorkItem item) {
        matchCase = records.open(matchId(item));
        return new SupportCasePanel(matchCase, clock.getZone());
    }

    protected Clock clock() {
        return clock;
    }

    /** A buddy's own meeting task: hers alone, back to her matches, without the coordinators' notes and timeline. */
    public abstract static class ForBuddy extends SupportTaskScreen {

        protected ForBuddy(WorkItems workItems, CurrentActor currentActor, Actors actors, SupportRecords records, SupportActions support,
                Clock clock) {
            super(workItems, currentActor, actors, records, support, clock);
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
}
