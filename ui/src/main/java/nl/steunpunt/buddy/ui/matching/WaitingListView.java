package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSingleSelectionModel;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.BatchProposal;
import nl.steunpunt.buddy.matching.CandidateList;
import nl.steunpunt.buddy.matching.ExcludedBuddy;
import nl.steunpunt.buddy.matching.HelpRequestSummary;
import nl.steunpunt.buddy.matching.MatchingWeights;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.RankedCandidate;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.workflow.WaitingListProposals;

/**
 * The waiting list of the coordinator's regions, longest waiting first. Per request she sees the
 * ranked candidates with their explained scores and who is excluded and why, and proposes one
 * (choosing anyone but the best-ranked needs a reason). Or she lets the system compute the best
 * assignment of the whole list, reviews it pair by pair and sends the pairs she approves.
 */
@Route("wachtlijst")
@RolesAllowed("COORDINATOR")
@Menu(order = 2.6, title = "menu.waiting-list")
public class WaitingListView extends VerticalLayout implements HasDynamicTitle {

    private final Matchmaking matchmaking;
    private final WaitingListProposals proposals;
    private final Regions regions;
    private final Clock clock;
    private final Grid<HelpRequestSummary> grid = new Grid<>();
    private final Span total = new Span();
    private final VerticalLayout review = new VerticalLayout();
    private final Map<RegionCode, MatchingWeights> weights = new HashMap<>();

    public WaitingListView(Matchmaking matchmaking, WaitingListProposals proposals, Regions regions, Clock clock) {
        this.matchmaking = matchmaking;
        this.proposals = proposals;
        this.regions = regions;
        this.clock = clock;
        setSizeFull();

        total.setId("waiting-total");
        Button compute = new Button(getTranslation("batch.compute"), e -> computeBatch());
        compute.setId("compute-batch");
        HorizontalLayout bar = new HorizontalLayout(total, compute);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale());
        grid.setId("waiting-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(HelpRequestSummary::reference).setKey("reference").setHeader(getTranslation("applications.column.reference"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.region().value()).setTooltipGenerator(s -> regionName(s.region())).setKey("region").setHeader(getTranslation("inbox.column.region")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("requester-kind." + s.kind().name())).setKey("kind")
                .setHeader(getTranslation("waiting-list.column.kind")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("school-level." + s.schoolLevel().name())).setKey("level")
                .setHeader(getTranslation("waiting-list.column.school-level")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("urgency." + s.urgency().name())).setKey("urgency")
                .setHeader(getTranslation("waiting-list.column.urgency")).setAutoWidth(true);
        grid.addColumn(s -> s.waitingSince().map(at -> getTranslation("waiting-list.since", date.format(at.atZone(clock.getZone())),
                Duration.between(at, clock.instant()).toDays())).orElse("")).setKey("waiting")
                .setHeader(getTranslation("waiting-list.column.waiting")).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Button propose = new Button(getTranslation("waiting-list.propose"), e -> openProposal(s));
            propose.setId("propose-" + s.reference());
            return propose;
        }).setKey("actions").setHeader("").setAutoWidth(true);

        review.setId("batch-section");
        review.setPadding(false);
        review.setVisible(false);

        add(new H2(getTranslation("waiting-list.title")), new Paragraph(getTranslation("waiting-list.intro")), bar, grid, review);
        refresh();
    }

    private void refresh() {
        List<HelpRequestSummary> waiting = matchmaking.waitingList();
        grid.setItems(waiting);
        total.setText(getTranslation("waiting-list.total", waiting.size()));
    }

    // ---- one request -----------------------------------------------------------------------

    private void openProposal(HelpRequestSummary request) {
        CandidateList list;
        try {
            list = matchmaking.candidates(request.id());
        } catch (TranslatableException e) {
            Notifications.error(e);
            return;
        }
        weights.clear();
        MatchingWeights w = weightsOf(request.region());
        Dialog dialog = new Dialog();
        dialog.setId("propose-dialog");
        dialog.setHeaderTitle(getTranslation("waiting-list.propose.title", request.reference()));
        dialog.setWidth("75em");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        Button cancel = new Button(getTranslation("waiting-list.cancel"), e -> dialog.close());
        cancel.setId("propose-cancel");
        dialog.getFooter().add(cancel);

        if (list.candidates().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("waiting-list.no-candidates"));
            none.setId("no-candidates");
            body.add(none);
        } else {
            body.add(new Paragraph(getTranslation("waiting-list.candidates.explain", list.maximum())));
            Grid<RankedCandidate> candidates = new Grid<>();
            candidates.setId("candidates-grid");
            candidates.setAllRowsVisible(true);
            candidates.addColumn(RankedCandidate::position).setKey("position").setHeader("#").setAutoWidth(true).setFlexGrow(0);
            candidates.addColumn(RankedCandidate::name).setKey("name").setHeader(getTranslation("applications.column.name"))
                    .setAutoWidth(true);
            candidates.addColumn(c -> c.region().value()).setTooltipGenerator(c -> regionName(c.region())).setKey("region").setHeader(getTranslation("inbox.column.region"))
                    .setAutoWidth(true);
            candidates.addColumn(c -> getTranslation("matching.score", c.score(), list.maximum())).setKey("score")
                    .setHeader(getTranslation("matching.column.score")).setAutoWidth(true);
            candidates.addComponentColumn(c -> new ScoreBreakdown(c.contributions(), w)).setKey("breakdown")
                    .setHeader(getTranslation("matching.column.breakdown")).setAutoWidth(true);
            candidates.addColumn(c -> getTranslation("matching.load", c.openMatches(), c.maxMatches())).setKey("load")
                    .setHeader(getTranslation("matching.column.load")).setAutoWidth(true);
            candidates.addColumn(c -> c.place().orElse("")).setKey("place").setHeader(getTranslation("help-form.place"))
                    .setAutoWidth(true);
            candidates.addColumn(c -> getTranslation(c.hasAccount() ? "catalogue.yes" : "matching.no-account")).setKey("account")
                    .setHeader(getTranslation("matching.column.account")).setAutoWidth(true);
            candidates.setItems(list.candidates());
            ((GridSingleSelectionModel<RankedCandidate>) candidates.getSelectionModel()).setDeselectAllowed(false);
            candidates.select(list.candidates().get(0));

            TextArea override = new TextArea(getTranslation("waiting-list.override-reason"));
            override.setId("override-reason");
            override.setHelperText(getTranslation("waiting-list.override-reason.help"));
            override.setMaxLength(4000);
            override.setWidthFull();
            override.setRequiredIndicatorVisible(true);
            override.setVisible(false);
            candidates.asSingleSelect().addValueChangeListener(e -> override.setVisible(needsReason(list, e.getValue())));
            body.add(candidates, override);

            Button propose = new Button(getTranslation("waiting-list.propose.confirm"), e -> {
                RankedCandidate chosen = candidates.asSingleSelect().getValue();
                propose(dialog, request, list, chosen, override);
            });
            propose.setId("propose-confirm");
            propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(propose);
        }
        body.add(excluded(list.excluded()));
        dialog.add(body);
        dialog.open();
    }

    private static boolean needsReason(CandidateList list, RankedCandidate chosen) {
        return chosen != null && chosen.score() < list.candidates().get(0).score();
    }

    private void propose(Dialog dialog, HelpRequestSummary request, CandidateList list, RankedCandidate chosen, TextArea override) {
        if (chosen == null) {
            Notifications.error(new InvalidInputException("error.match.buddy.required"));
            return;
        }
        boolean reasonNeeded = needsReason(list, chosen);
        if (reasonNeeded && override.getValue().isBlank()) {
            override.setInvalid(true);
            override.setErrorMessage(getTranslation("error.match.override-reason.required"));
            return;
        }
        override.setInvalid(false);
        try {
            proposals.propose(request.id(), chosen.buddy(), reasonNeeded ? override.getValue() : null);
            Notifications.success("waiting-list.proposed", chosen.name(), request.reference());
            dialog.close();
            refresh();
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    private Component excluded(List<ExcludedBuddy> excluded) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setSpacing(false);
        section.setId("excluded-list");
        section.add(new H4(getTranslation("waiting-list.excluded")));
        if (excluded.isEmpty()) {
            section.add(new Span(getTranslation("waiting-list.excluded.none")));
        }
        for (ExcludedBuddy buddy : excluded) {
            section.add(new Span(getTranslation("waiting-list.excluded.line", buddy.name(),
                    getTranslation("hard-rule." + buddy.rule().name()))));
        }
        return section;
    }

    // ---- the whole list ----------------------------------------------------------------------

    private void computeBatch() {
        BatchProposal batch;
        try {
            batch = matchmaking.batchProposal();
        } catch (TranslatableException e) {
            Notifications.error(e);
            return;
        }
        weights.clear();
        review.removeAll();
        review.setVisible(true);
        review.add(new H3(getTranslation("batch.title")));
        if (batch.pairs().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("batch.none"));
            none.setId("batch-none");
            review.add(none);
        } else {
            Set<BatchProposal.Pair> chosen = new LinkedHashSet<>(batch.pairs());
            Paragraph selected = new Paragraph();
            selected.setId("batch-selected");
            Runnable summarise = () -> selected.setText(getTranslation("batch.selected", chosen.size(), batch.pairs().size(),
                    chosen.stream().mapToInt(BatchProposal.Pair::score).sum()));
            Grid<BatchProposal.Pair> pairs = new Grid<>();
            pairs.setId("batch-review");
            pairs.setAllRowsVisible(true);
            pairs.addComponentColumn(pair -> {
                Checkbox pick = new Checkbox(chosen.contains(pair));
                pick.setId("batch-pick-" + pair.request().reference());
                pick.setAriaLabel(getTranslation("batch.pick", pair.request().reference()));
                pick.addValueChangeListener(e -> {
                    if (e.getValue()) {
                        chosen.add(pair);
                    } else {
                        chosen.remove(pair);
                    }
                    summarise.run();
                });
                return pick;
            }).setKey("pick").setHeader(getTranslation("batch.column.pick")).setAutoWidth(true).setFlexGrow(0);
            pairs.addColumn(p -> p.request().reference()).setKey("reference").setHeader(getTranslation("applications.column.reference"))
                    .setAutoWidth(true);
            pairs.addColumn(p -> p.request().region().value()).setTooltipGenerator(p -> regionName(p.request().region())).setKey("region").setHeader(getTranslation("inbox.column.region"))
                    .setAutoWidth(true);
            pairs.addColumn(p -> getTranslation("urgency." + p.request().urgency().name())).setKey("urgency")
                    .setHeader(getTranslation("waiting-list.column.urgency")).setAutoWidth(true);
            pairs.addColumn(BatchProposal.Pair::buddyName).setKey("buddy").setHeader(getTranslation("batch.column.buddy"))
                    .setAutoWidth(true);
            pairs.addColumn(p -> getTranslation("matching.score", p.score(), weightsOf(p.request().region()).maximum())).setKey("score")
                    .setHeader(getTranslation("matching.column.score")).setAutoWidth(true);
            pairs.addComponentColumn(p -> new ScoreBreakdown(p.contributions(), weightsOf(p.request().region()))).setKey("breakdown")
                    .setHeader(getTranslation("matching.column.breakdown")).setAutoWidth(true);
            pairs.setItems(batch.pairs());
            Paragraph totalScore = new Paragraph(getTranslation("batch.total", batch.totalScore(), batch.pairs().size()));
            totalScore.setId("batch-total");
            summarise.run();
            Button send = new Button(getTranslation("batch.send"), e -> send(new ArrayList<>(chosen)));
            send.setId("send-batch");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            review.add(new Paragraph(getTranslation("batch.explain")), pairs, totalScore, selected, send);
        }
        review.add(new H4(getTranslation("batch.stay")));
        Paragraph stay = new Paragraph(batch.stayWaiting().isEmpty() ? getTranslation("batch.stay.none")
                : batch.stayWaiting().stream().map(s -> s.reference() + " (" + regionName(s.region()) + ")").collect(Collectors.joining(", ")));
        stay.setId("batch-stay");
        review.add(stay);
    }

    private void send(List<BatchProposal.Pair> approved) {
        try {
            proposals.proposeBatch(approved);
        } catch (TranslatableException e) {
            Notifications.error(e);
            return;
        }
        Notifications.success("batch.sent", approved.size());
        review.removeAll();
        review.setVisible(false);
        refresh();
    }

    private MatchingWeights weightsOf(RegionCode region) {
        return weights.computeIfAbsent(region, r -> matchmaking.settings(r).weights());
    }

    private String regionName(RegionCode code) {
        return regions.find(code).map(Region::name).orElse(code.value());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("waiting-list.title") + " · " + getTranslation("app.name");
    }
}
