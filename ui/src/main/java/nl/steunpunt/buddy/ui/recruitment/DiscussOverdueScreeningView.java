package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Te late beoordeling bespreken: the manager's task when an application waited too long for
 * screening. Managers see no personal data: the case reference and how long it has waited only.
 */
@Route("taken/te-late-beoordeling")
@RolesAllowed("MANAGER")
public class DiscussOverdueScreeningView extends TaskScreen {

    private final Clock clock;
    private final TextArea agreement = new TextArea();

    public DiscussOverdueScreeningView(WorkItems workItems, CurrentActor currentActor, Actors actors, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.clock = clock;
    }

    @Override
    protected String formKey() {
        return RecruitmentProcess.Forms.DISCUSS_OVERDUE_SCREENING;
    }

    @Override
    protected boolean showsCaseNotes() {
        return false;
    }

    @Override
    protected Component caseFile(WorkItem item) {
        long days = Duration.between(item.created(), clock.instant()).toDays();
        Paragraph explain = new Paragraph(getTranslation("escalation.explain", item.caseReference(), days));
        explain.setId("escalation-explain");
        return explain;
    }

    @Override
    protected Component form(WorkItem item) {
        agreement.setLabel(getTranslation("escalation.agreement"));
        agreement.setId("escalation-agreement");
        agreement.setMaxLength(2000);
        agreement.setWidthFull();
        agreement.setHelperText(getTranslation("escalation.agreement.help"));
        return new VerticalLayout(agreement);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (agreement.getValue().isBlank()) {
            agreement.setInvalid(true);
            agreement.setErrorMessage(getTranslation("error.note.required"));
            return Optional.empty();
        }
        String note = agreement.getValue();
        return Optional.of(new Completion(Map.of(), () -> workItems.comment(item.id(), note)));
    }
}
