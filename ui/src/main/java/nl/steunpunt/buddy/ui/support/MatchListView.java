package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.MatchOverview;
import nl.steunpunt.buddy.matching.MatchOverview.MatchLine;

/** The active and ending matches of the coordinator's regions, newest first, loaded page by page; a row opens the case. */
@Route("koppelingen")
@RolesAllowed("COORDINATOR")
@Menu(order = 2.8, title = "menu.matches")
public class MatchListView extends VerticalLayout implements HasDynamicTitle {

    public MatchListView(MatchOverview overview, Clock clock) {
        setSizeFull();
        add(new H2(getTranslation("matches.title")), new Paragraph(getTranslation("matches.explain")));
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<MatchLine> grid = new Grid<>();
        grid.setId("matches-grid");
        grid.addColumn(MatchLine::reference).setKey("reference").setHeader(getTranslation("matches.reference")).setAutoWidth(true);
        grid.addColumn(MatchLine::buddyName).setKey("buddy").setHeader(getTranslation("matches.buddy")).setAutoWidth(true);
        grid.addColumn(l -> l.region().value()).setKey("region").setHeader(getTranslation("matches.region")).setAutoWidth(true);
        grid.addColumn(l -> getTranslation("match.status." + l.status().name())).setKey("status")
                .setHeader(getTranslation("matches.status")).setAutoWidth(true);
        grid.addColumn(l -> l.activatedAt().map(t -> date.format(t.atZone(clock.getZone()))).orElse("—")).setKey("activated")
                .setHeader(getTranslation("matches.activated")).setAutoWidth(true);
        grid.addColumn(l -> l.endedAt().map(t -> date.format(t.atZone(clock.getZone()))).orElse("—")).setKey("ended")
                .setHeader(getTranslation("matches.ended")).setAutoWidth(true);
        grid.setItems(q -> overview.find(q.getOffset(), q.getLimit()).stream(), q -> (int) overview.count());
        grid.addItemClickListener(e -> UI.getCurrent().navigate(MatchCaseView.class, e.getItem().matchId().toString()));
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("matches.title") + " · " + getTranslation("app.name");
    }
}
