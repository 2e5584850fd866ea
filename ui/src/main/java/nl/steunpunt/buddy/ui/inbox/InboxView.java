package nl.steunpunt.buddy.ui.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.TaskTakenException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItemQuery.Scope;
import nl.steunpunt.buddy.workflow.WorkItemQuery.SortBy;
import nl.steunpunt.buddy.workflow.WorkItems;
import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.ui.base.LazyGrid;
import nl.steunpunt.buddy.ui.base.Notifications;

/**
 * The coordinator's task inbox: tasks of her regions only, loaded page by page, earliest due
 * first; filters for mine / unassigned / all, overdue and phase; claim, give back and open.
 */
@Route("inbox")
@RolesAllowed({ "COORDINATOR", "TRAINER", "MANAGER", "FACILITATOR" })
@Menu(order = 1, title = "menu.inbox")
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    static final String COLUMN_TASK = "task";
    static final String COLUMN_DUE = "due";
    static final String COLUMN_CREATED = "created";
    static final String COLUMN_ACTIONS = "actions";
    /** How far the inbox's total counts before it says "more than". */
    public static final int TOTAL_LIMIT = 1000;

    private final WorkItems workItems;
    private final Regions regions;
    private final CurrentActor currentActor;
    private final Actors actors;
    private final Clock clock;
    private final Grid<WorkItem> grid = new LazyGrid<>();
    private final Select<Scope> scope = new Select<>();
    private final Checkbox overdue = new Checkbox();
    private final Select<Optional<Phase>> phase = new Select<>();
    private final Span total = new Span();
    /**
     * Region and colleague names of the page being drawn: the colleagues of a page in one look-up, a region once, not
     * per row; cleared per page.
     */
    private final Map<String, String> names = new HashMap<>();
    private WorkItemQuery query = WorkItemQuery.inbox();

    public InboxView(WorkItems workItems, Regions regions, CurrentActor currentActor, Actors actors, Clock clock) {
        this.workItems = workItems;
        this.regions = regions;
        this.currentActor = currentActor;
        this.actors = actors;
        this.clock = clock;
        setSizeFull();
        total.setId("inbox-total");
        add(new H2(getTranslation("inbox.title")), filters(), total, grid);
        configureGrid();
        refresh();
    }

    private Component filters() {
        scope.setLabel(getTranslation("inbox.filter.scope"));
        scope.setItems(Scope.ALL, Scope.MINE, Scope.UNASSIGNED);
        scope.setItemLabelGenerator(s -> getTranslation("inbox.scope." + s.name()));
        scope.setValue(Scope.ALL);
        scope.setId("filter-scope");
        scope.addValueChangeListener(e -> {
            query = query.withScope(e.getValue());
            refresh();
        });

        overdue.setLabel(getTranslation("inbox.filter.overdue"));
        overdue.setId("filter-overdue");
        overdue.addValueChangeListener(e -> {
            query = query.withOverdueOnly(e.getValue());
            refresh();
        });

        phase.setLabel(getTranslation("inbox.filter.phase"));
        phase.setItems(phaseOptions());
        phase.setItemLabelGenerator(p -> p.map(value -> getTranslation("phase." + value.name()))
                .orElse(getTranslation("inbox.phase.all")));
        phase.setValue(Optional.empty());
        phase.setId("filter-phase");
        phase.addValueChangeListener(e -> {
            query = query.withPhase(e.getValue());
            refresh();
        });

        HorizontalLayout bar = new HorizontalLayout(scope, overdue, phase);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private static List<Optional<Phase>> phaseOptions() {
        List<Optional<Phase>> options = new ArrayList<>();
        options.add(Optional.empty());
        for (Phase p : Phase.values()) {
            options.add(Optional.of(p));
        }
        return options;
    }

    private void configureGrid() {
        grid.setId("inbox-grid");
        grid.setSizeFull();
        grid.addColumn(this::taskName).setKey(COLUMN_TASK).setHeader(getTranslation("inbox.column.task"))
                .setSortable(true).setSortProperty(SortBy.NAME.name()).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(WorkItem::caseReference).setKey("case").setHeader(getTranslation("inbox.column.case")).setAutoWidth(true);
        grid.addColumn(item -> regionName(item)).setKey("region").setHeader(getTranslation("inbox.column.region")).setAutoWidth(true);
        grid.addColumn(item -> format(item.created())).setKey(COLUMN_CREATED)
                .setHeader(getTranslation("inbox.column.created")).setSortable(true).setSortProperty(SortBy.CREATED.name()).setAutoWidth(true);
        grid.addColumn(item -> item.due().map(this::format).orElse("")).setKey(COLUMN_DUE)
                .setHeader(getTranslation("inbox.column.due")).setSortable(true).setSortProperty(SortBy.DUE.name()).setAutoWidth(true);
        grid.addColumn(item -> item.followUp().map(this::format).orElse("")).setKey("followUp")
                .setHeader(getTranslation("inbox.column.follow-up")).setAutoWidth(true);
        grid.addColumn(item -> item.assignee().map(this::assigneeLabel).orElse(getTranslation("inbox.unassigned")))
                .setKey("assignee").setHeader(getTranslation("inbox.column.assignee")).setAutoWidth(true);
        grid.addColumn(actions()).setKey(COLUMN_ACTIONS).setHeader(getTranslation("inbox.column.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(item -> item.isOverdue(clock.instant()) ? "overdue" : null);
        grid.setMultiSort(false);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey(COLUMN_DUE), SortDirection.ASCENDING)));
        // a row is its task: refreshing a changed task's row finds it by ID, whatever else changed
        grid.setItems(new CallbackDataProvider<WorkItem, Void>(q -> {
                    names.clear();
                    List<WorkItem> page = workItems.find(withSort(q.getSortOrders()), q.getOffset(), q.getLimit());
                    rememberColleagues(page);
                    return page.stream();
                },
                q -> (int) Math.min(Integer.MAX_VALUE, workItems.count(query)), WorkItem::id));
        // the exact count above is the data provider's contract only: the grid pages without it (see refresh)
        grid.getLazyDataView().setItemCountUnknown();
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
    }

    private WorkItemQuery withSort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return query;
        }
        QuerySortOrder order = orders.get(0);
        return query.sortedBy(SortBy.valueOf(order.getSorted()), order.getDirection() == SortDirection.ASCENDING);
    }

    /**
     * The row's buttons, drawn in the browser from one template: open, and claim or give back. A component per
     * row (a layout and two buttons, each a state node with its features) was two thirds of a session's inbox
     * state (issue #10, P5); the template costs three values per row. The ids stay {@code open-<task>} and so on.
     */
    private LitRenderer<WorkItem> actions() {
        String template = """
                <vaadin-horizontal-layout theme="spacing">\
                <vaadin-button theme="primary small" id="open-${item.id}" @click="${open}">%s</vaadin-button>\
                ${item.claim ? html`<vaadin-button theme="small" id="claim-${item.id}" @click="${claim}">%s</vaadin-button>` : ''}\
                ${item.unclaim ? html`<vaadin-button theme="small tertiary" id="unclaim-${item.id}" @click="${unclaim}">%s</vaadin-button>` : ''}\
                </vaadin-horizontal-layout>""".formatted(templateText("inbox.action.open"), templateText("inbox.action.claim"),
                templateText("inbox.action.unclaim"));
        return LitRenderer.<WorkItem>of(template)
                .withProperty("id", WorkItem::id)
                .withProperty("claim", item -> item.assignee().isEmpty())
                .withProperty("unclaim", item -> item.isAssignedTo(currentActor.require().userId()))
                .withFunction("open", this::open)
                .withFunction("claim", this::claim)
                .withFunction("unclaim", this::unclaim);
    }

    /** A translation as text inside the Lit template: HTML-escaped, and nothing a template literal would read. */
    private String templateText(String key) {
        StringBuilder out = new StringBuilder();
        for (char c : getTranslation(key).toCharArray()) {
            switch (c) {
                case '&', '<', '>', '"', '\'', '`', '$', '\\', '{', '}' -> out.append("&#").append((int) c).append(';');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    void claim(WorkItem item) {
        try {
            WorkItem now = workItems.claim(item.id());
            Notifications.success("inbox.claimed", taskName(item));
            refresh(now);
        } catch (TaskTakenException e) {
            Notifications.error(e);
            refreshTaken(item);
        } catch (TranslatableException e) {
            Notifications.error(e);
            refresh();
        }
    }

    void unclaim(WorkItem item) {
        try {
            WorkItem now = workItems.unclaim(item.id());
            Notifications.success("inbox.unclaimed", taskName(item));
            refresh(now);
        } catch (TaskTakenException e) {
            Notifications.error(e);
            refreshTaken(item);
        } catch (TranslatableException e) {
            Notifications.error(e);
            refresh();
        }
    }

    /**
     * A colleague has the task now: it is still open and hers to see, so with all tasks listed only its row changes
     * (the colleague's name instead of a button); otherwise, or when it is gone after all, the list is read again.
     */
    private void refreshTaken(WorkItem item) {
        Optional<WorkItem> now = Optional.empty();
        if (query.scope() == Scope.ALL) {
            try {
                now = workItems.get(item.id());
            } catch (TranslatableException e) {
                // no longer hers to see: the list is read again below
            }
        }
        now.ifPresentOrElse(this::refresh, this::refresh);
    }

    /**
     * After a claim or give-back: with all tasks listed, only the task's own row changes (neither which tasks
     * the list holds nor their order depends on the assignee), so only that row is sent again, without a new
     * page and count; with "mine" or "unassigned" the task may leave the list, so the whole list is read again.
     */
    private void refresh(WorkItem changed) {
        if (query.scope() == Scope.ALL) {
            grid.getDataProvider().refreshItem(changed);
        } else {
            refresh();
        }
    }

    void open(WorkItem item) {
        TaskForms.screenFor(item.formKey()).ifPresentOrElse(
                screen -> UI.getCurrent().navigate(screen, item.id()),
                () -> Notifications.error(new NotFoundException("error.task.no-form")));
    }

    /**
     * Reads the list again. The total is counted up to {@value #TOTAL_LIMIT} and then says "more than": an exact
     * count reads every task she can see, on every filter change, and grew tenfold with ten times the tasks
     * (issue #10, P2). The grid therefore pages without a count: it is told the number when it is known and
     * otherwise grows while she scrolls, and a new sort reads one page only.
     */
    private void refresh() {
        long counted = workItems.countUpTo(query, TOTAL_LIMIT);
        total.setText(counted > TOTAL_LIMIT ? getTranslation("inbox.total.more", TOTAL_LIMIT) : getTranslation("inbox.total", counted));
        grid.getLazyDataView().setItemCountEstimate((int) Math.max(1, Math.min(counted, TOTAL_LIMIT)));
        grid.getDataProvider().refreshAll();
    }

    private String taskName(WorkItem item) {
        return Labels.of(this, "task." + item.definitionKey(), item.name());
    }

    private String regionName(WorkItem item) {
        return names.computeIfAbsent("region:" + item.region().value(),
                key -> regions.find(item.region()).map(Region::name).orElse(item.region().value()));
    }

    /** The display names of the colleagues who have tasks of this page, in one look-up (a page names up to 50). */
    private void rememberColleagues(List<WorkItem> page) {
        String me = currentActor.require().userId();
        Set<String> colleagues = new HashSet<>();
        page.forEach(item -> item.assignee().filter(userId -> !userId.equals(me)).ifPresent(colleagues::add));
        if (!colleagues.isEmpty()) {
            Map<String, String> found = actors.displayNames(colleagues);
            colleagues.forEach(userId -> names.put("user:" + userId, found.getOrDefault(userId, userId)));
        }
    }

    private String assigneeLabel(String userId) {
        if (userId.equals(currentActor.require().userId())) {
            return getTranslation("inbox.assignee.me");
        }
        return names.computeIfAbsent("user:" + userId, key -> actors.find(userId).map(Actor::displayName).orElse(userId));
    }

    private String format(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .format(instant.atZone(zone()));
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.title") + " · " + getTranslation("app.name");
    }
}
