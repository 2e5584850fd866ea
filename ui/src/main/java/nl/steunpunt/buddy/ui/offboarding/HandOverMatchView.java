package nl.steunpunt.buddy.ui.offboarding;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.BuddyDepartures;
import nl.steunpunt.buddy.matching.CandidateList;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.RankedCandidate;
import nl.steunpunt.buddy.processes.BuddyOffboardingProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.ui.matching.CandidateExplanation;
import nl.steunpunt.buddy.ui.matching.HelpRequestCaseFile;
import nl.steunpunt.buddy.workflow.BuddyOffboarding;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * One active match of a leaving buddy: the coordinator hands it to another buddy from the request's
 * ranking (she gets the match's open tasks) or ends it, with a note; its closure then follows.
 */
@Route("taken/overdracht")
@RolesAllowed("COORDINATOR")
public class HandOverMatchView extends TaskScreen {

    enum Outcome { HAND_OVER, END }

    private final BuddyOffboarding offboarding;
    private final BuddyDepartures departures;
    private final Matchmaking matchmaking;
    private final HelpRequests requests;
    private final Clock clock;
    private final RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>();
    private final Grid<RankedCandidate> grid = new Grid<>();
    private final TextArea note = new TextArea();
    private UUID match;

    public HandOverMatchView(WorkItems workItems, CurrentActor currentActor, Actors actors, BuddyOffboarding offboarding,
            BuddyDepartures departures, Matchmaking matchmaking, HelpRequests requests, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.offboarding = offboarding;
        this.departures = departures;
        this.matchmaking = matchmaking;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    protected String formKey() {
        return BuddyOffboardingProcess.Forms.HAND_OVER_MATCH;
    }

    @Override
    protected Component caseFile(WorkItem item) {
        match = offboarding.matchOf(item.id());
        var facts = departures.handOverMatch(match);
        VerticalLayout file = new VerticalLayout();
        file.setPadding(false);
        departures.departure(ApplicationId.of(item.subjectId())).ifPresent(d -> file.add(new DepartureCaseFile(d, clock.getZone())));
        Paragraph about = new Paragraph(getTranslation("hand-over.match", facts.reference()));
        about.setId("hand-over-match");
        file.add(about, new HelpRequestCaseFile(requests.open(facts.request()), clock.getZone()));
        return file;
    }

    @Override
    protected Component form(WorkItem item) {
        CandidateList candidates = departures.handOverCandidates(match);
        var weights = matchmaking.settings(item.region()).weights();
        outcome.setId("hand-over-outcome");
        outcome.setLabel(getTranslation("hand-over.outcome"));
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("hand-over.outcome." + o.name()));
        grid.setId("hand-over-candidates");
        grid.removeAllColumns(); // the screen renders again after claiming, giving back or assigning
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(RankedCandidate::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RankedCandidate::name).setHeader(getTranslation("candidates.name")).setAutoWidth(true);
        grid.addComponentColumn(c -> new CandidateExplanation(c.score(), c.contributions(), weights))
                .setHeader(getTranslation("candidates.score.header")).setWidth("24em").setFlexGrow(0);
        grid.addColumn(c -> getTranslation("candidates.load", c.openMatches(), c.maxMatches()))
                .setHeader(getTranslation("candidates.load.header")).setAutoWidth(true);
        grid.setItems(candidates.candidates());
        grid.setAllRowsVisible(true);
        note.setLabel(getTranslation("hand-over.note"));
        note.setId("hand-over-note");
        note.setMaxLength(4000);
        note.setWidthFull();
        VerticalLayout form = new VerticalLayout(outcome);
        form.setPadding(false);
        if (candidates.candidates().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("hand-over.no-candidates"));
            none.setId("hand-over-none");
            form.add(none);
            outcome.setValue(Outcome.END);
            outcome.setItemEnabledProvider(o -> o == Outcome.END);
        } else {
            grid.select(candidates.candidates().get(0));
            outcome.setValue(Outcome.HAND_OVER);
            form.add(grid);
        }
        outcome.addValueChangeListener(e -> grid.setVisible(e.getValue() == Outcome.HAND_OVER));
        form.add(note);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (outcome.getValue() == null) {
            outcome.setInvalid(true);
            outcome.setErrorMessage(getTranslation("error.hand-over.outcome.required"));
            return Optional.empty();
        }
        UUID theMatch = match;
        String text = note.getValue();
        if (outcome.getValue() == Outcome.END) {
            return Optional.of(new Completion(Map.of(), () -> offboarding.endMatch(theMatch, text)));
        }
        RankedCandidate chosen = grid.asSingleSelect().getValue();
        if (chosen == null) {
            return Optional.empty();
        }
        return Optional.of(new Completion(Map.of(), () -> departures.handOver(theMatch, chosen.buddy())));
    }
}
