package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.ProposalRecord;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Three buddies turned the request down (or let it lapse): the coordinator looks at why, talks it
 * over (with the requester, a colleague) and records what was agreed before proposing again.
 */
@Route("taken/koppeling-bespreken")
@RolesAllowed("COORDINATOR")
public class EscalateMatchingView extends MatchingTaskScreen {

    private final TextArea outcome = new TextArea();

    public EscalateMatchingView(WorkItems workItems, CurrentActor currentActor, Actors actors, HelpRequests requests, Clock clock) {
        super(workItems, currentActor, actors, requests, clock);
    }

    @Override
    protected String formKey() {
        return MatchingProcess.Forms.ESCALATE_MATCHING;
    }

    @Override
    protected Component form(WorkItem item) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.add(new Paragraph(getTranslation("escalate-matching.explain")));
        VerticalLayout declines = new VerticalLayout();
        declines.setPadding(false);
        declines.setSpacing(false);
        declines.setId("declines");
        for (ProposalRecord p : details.proposals()) {
            if (p.status() == ProposalRecord.ProposalStatus.DECLINED || p.status() == ProposalRecord.ProposalStatus.TIMED_OUT) {
                declines.add(new Span(getTranslation("escalate-matching.decline", p.buddyName(),
                        getTranslation("proposal.status." + p.status().name()), p.declineReason().orElse("—"))));
            }
        }
        outcome.setLabel(getTranslation("escalate-matching.outcome"));
        outcome.setId("task-outcome");
        outcome.setMaxLength(2000);
        outcome.setWidthFull();
        form.add(declines, outcome);
        return form;
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
