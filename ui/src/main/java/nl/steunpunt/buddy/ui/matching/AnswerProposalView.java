package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.ui.base.Languages;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.ProposalForBuddy;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The buddy answers a proposal: she reads what the request is about (no name or contact details
 * yet) and accepts, or declines with a reason.
 */
@Route("taken/voorstel-beantwoorden")
@RolesAllowed("BUDDY")
public class AnswerProposalView extends BuddyTaskScreen {

    private final RadioButtonGroup<Boolean> answer = new RadioButtonGroup<>();
    private final TextArea reason = new TextArea();

    public AnswerProposalView(WorkItems workItems, CurrentActor currentActor, Actors actors, Matchmaking matchmaking, Clock clock) {
        super(workItems, currentActor, actors, matchmaking, clock);
    }

    @Override
    protected String formKey() {
        return MatchingProcess.Forms.ANSWER_PROPOSAL;
    }

    @Override
    protected Component caseFile(WorkItem item) {
        ProposalForBuddy p = matchmaking.myProposal(requestId(item))
                .orElseThrow(() -> new NotFoundException("error.match.not-your-proposal"));
        VerticalLayout root = new VerticalLayout();
        root.setPadding(false);
        root.setId("proposal-summary");
        root.add(new H3(getTranslation("proposal.title", p.reference())), new Paragraph(getTranslation("proposal.explain")));
        FormLayout fields = new FormLayout();
        fields.addFormItem(new Span(getTranslation("help-request.kind." + p.kind().name())), getTranslation("help-request.kind"));
        fields.addFormItem(new Span(getTranslation("school-level." + p.schoolLevel().name())), getTranslation("help-request.school-level"));
        fields.addFormItem(new Span(p.problemAreas().stream().map(a -> getTranslation("problem-area." + a.name()))
                .collect(Collectors.joining(", "))), getTranslation("help-request.problem-areas"));
        fields.addFormItem(new Span(Languages.name(p.preferredLanguage(), getLocale())),
                getTranslation("help-request.language"));
        fields.addFormItem(new Span(getTranslation("urgency." + p.urgency().name())), getTranslation("help-request.urgency"));
        fields.addFormItem(new Span(p.schoolMeetingOn().map(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale())::format).orElse("—")), getTranslation("help-request.school-meeting"));
        fields.addFormItem(new Span(p.place().orElse("—")), getTranslation("help-request.place"));
        root.add(fields);
        return root;
    }

    @Override
    protected Component form(WorkItem item) {
        answer.setLabel(getTranslation("proposal.answer"));
        answer.setId("proposal-answer");
        answer.setItems(Boolean.TRUE, Boolean.FALSE);
        answer.setItemLabelGenerator(yes -> getTranslation(yes ? "proposal.accept" : "proposal.decline"));
        reason.setLabel(getTranslation("proposal.decline-reason"));
        reason.setId("decline-reason");
        reason.setMaxLength(4000);
        reason.setWidthFull();
        reason.setVisible(false);
        answer.addValueChangeListener(e -> reason.setVisible(Boolean.FALSE.equals(e.getValue())));
        return new VerticalLayout(answer, reason);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (answer.getValue() == null) {
            answer.setInvalid(true);
            answer.setErrorMessage(getTranslation("proposal.answer.required"));
            return Optional.empty();
        }
        boolean accept = answer.getValue();
        if (!accept && reason.getValue().isBlank()) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation("error.match.decline-reason.required"));
            return Optional.empty();
        }
        String why = reason.getValue();
        return Optional.of(new Completion(Map.of(MatchingProcess.Variables.ACCEPTED, accept),
                () -> matchmaking.answer(requestId(item), accept, why)));
    }
}
