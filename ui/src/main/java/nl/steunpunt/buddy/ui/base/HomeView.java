package nl.steunpunt.buddy.ui.base;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The start page: one panel per role the user holds, each with what matters to that role right
 * now and where to go next.
 */
@Route("")
@PermitAll
@Menu(order = 0, title = "menu.home")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentActor currentActor, WorkItems workItems, Regions regions) {
        Actor actor = currentActor.require();
        add(new H2(getTranslation("home.welcome", actor.displayName())));
        List<String> regionNames = actor.regions().stream()
                .map(code -> regions.find(code).map(Region::name).orElse(code.value())).toList();
        add(new Paragraph(getTranslation("home.regions", String.join(", ", regionNames))));

        for (Role role : Role.values()) {
            if (actor.hasRole(role)) {
                add(panel(role, workItems));
            }
        }
    }

    private Component panel(Role role, WorkItems workItems) {
        VerticalLayout panel = new VerticalLayout();
        panel.setId("start-" + role.name().toLowerCase());
        panel.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        panel.add(new H3(getTranslation("role." + role.name())));
        panel.add(new Paragraph(getTranslation("home.role." + role.name() + ".intro")));
        if (role == Role.COORDINATOR) {
            long all = workItems.count(WorkItemQuery.inbox());
            long unassigned = workItems.count(WorkItemQuery.inbox().withScope(WorkItemQuery.Scope.UNASSIGNED));
            long overdue = workItems.count(WorkItemQuery.inbox().withOverdueOnly(true));
            long recruitment = workItems.count(WorkItemQuery.inbox().withPhase(Optional.of(Phase.RECRUITMENT)));
            Paragraph counts = new Paragraph(getTranslation("home.coordinator.counts", all, unassigned, overdue, recruitment));
            counts.setId("coordinator-counts");
            panel.add(counts, new Anchor("inbox", getTranslation("home.coordinator.open-inbox")));
        }
        return panel;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home") + " · " + getTranslation("app.name");
    }
}
