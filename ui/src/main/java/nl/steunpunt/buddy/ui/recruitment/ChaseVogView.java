package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** VOG navragen: six weeks without a VOG; the coordinator contacts the applicant and notes what was agreed. */
@Route("taken/vog-navragen")
@RolesAllowed("COORDINATOR")
public class ChaseVogView extends ApplicationTaskScreen {

    private final TextArea outcome = new TextArea();

    public ChaseVogView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock);
    }

    @Override
    protected String formKey() {
        return RecruitmentProcess.Forms.CHASE_VOG;
    }

    @Override
    protected Component form(WorkItem item) {
        outcome.setLabel(getTranslation("vog.chase.outcome"));
        outcome.setId("chase-outcome");
        outcome.setMaxLength(2000);
        outcome.setWidthFull();
        return new VerticalLayout(new Paragraph(getTranslation("vog.chase.explain")), outcome);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (outcome.getValue().isBlank()) {
            outcome.setInvalid(true);
            outcome.setErrorMessage(getTranslation("error.note.required"));
            return Optional.empty();
        }
        String note = outcome.getValue();
        return Optional.of(new Completion(Map.of(), () -> workItems.comment(item.id(), note)));
    }
}
