package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.HelpRequestFilter;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequestSummary;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.ui.base.LazyGrid;

/** The help requests of the coordinator's regions: filter by status, region, open only, reference or name. */
@Route("hulpvragen")
@RolesAllowed("COORDINATOR")
@Menu(order = 2.5, title = "menu.help-requests")
public class HelpRequestListView extends VerticalLayout implements HasDynamicTitle {

    private final HelpRequests requests;
    private final Regions regions;
    private final Grid<HelpRequestSummary> grid = new LazyGrid<>();
    private final Select<Optional<HelpRequestStatus>> status = new Select<>();
    private final Select<Optional<RegionCode>> region = new Select<>();
    private final Checkbox openOnly = new Checkbox();
    private final TextField search = new TextField();
    private final Span total = new Span();

    public HelpRequestListView(HelpRequests requests, Regions regions, CurrentActor currentActor, Clock clock) {
        this.requests = requests;
        this.regions = regions;
        setSizeFull();

        status.setLabel(getTranslation("applications.filter.status"));
        status.setId("filter-status");
        List<Optional<HelpRequestStatus>> statuses = new ArrayList<>();
        statuses.add(Optional.empty());
        Arrays.stream(HelpRequestStatus.values()).forEach(s -> statuses.add(Optional.of(s)));
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> s.map(v -> getTranslation("help-request.status." + v.name()))
                .orElse(getTranslation("applications.filter.all")));
        status.setValue(Optional.empty());

        region.setLabel(getTranslation("applications.filter.region"));
        region.setId("filter-region");
        List<Optional<RegionCode>> regionOptions = new ArrayList<>();
        regionOptions.add(Optional.empty());
        currentActor.require().regions().forEach(r -> regionOptions.add(Optional.of(r)));
        region.setItems(regionOptions);
        region.setItemLabelGenerator(r -> r.map(this::regionName).orElse(getTranslation("applications.filter.all")));
        region.setValue(Optional.empty());

        openOnly.setLabel(getTranslation("applications.filter.open"));
        openOnly.setId("filter-open");
        openOnly.setValue(true);
        search.setLabel(getTranslation("help-requests.filter.search"));
        search.setId("filter-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        status.addValueChangeListener(e -> refresh());
        region.addValueChangeListener(e -> refresh());
        openOnly.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());

        Button register = new Button(getTranslation("help-requests.register"), e -> UI.getCurrent().navigate("hulpvragen/nieuw"));
        register.setId("register-help-request");
        Button waiting = new Button(getTranslation("help-requests.waiting-list"), e -> UI.getCurrent().navigate("wachtlijst"));
        waiting.setId("to-waiting-list");
        HorizontalLayout bar = new HorizontalLayout(status, region, openOnly, search, register, waiting);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale());
        grid.setId("help-requests-grid");
        grid.setSizeFull();
        grid.addColumn(HelpRequestSummary::reference).setKey("reference").setHeader(getTranslation("applications.column.reference"))
                .setAutoWidth(true);
        grid.addColumn(HelpRequestSummary::contactName).setKey("name").setHeader(getTranslation("help-request.contact-name"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation("help-request.kind." + s.kind().name())).setKey("kind")
                .setHeader(getTranslation("help-request.kind")).setAutoWidth(true);
        grid.addColumn(s -> regionName(s.region())).setKey("region").setHeader(getTranslation("inbox.column.region")).setAutoWidth(true);
        grid.addColumn(s -> s.schoolLevel().name()).setKey("level").setHeader(getTranslation("help-request.school-level"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation("urgency." + s.urgency().name())).setKey("urgency")
                .setHeader(getTranslation("help-request.urgency")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("help-request.status." + s.status().name())).setKey("status")
                .setHeader(getTranslation("help-request.status")).setAutoWidth(true);
        grid.addColumn(s -> date.format(s.submittedAt().atZone(clock.getZone()))).setKey("submitted")
                .setHeader(getTranslation("help-request.submitted")).setAutoWidth(true);
        grid.addColumn(s -> s.waitingSince().map(w -> getTranslation("applications.waiting", Duration.between(w, clock.instant()).toDays()))
                .orElse("")).setKey("waiting").setHeader(getTranslation("help-request.waiting-since")).setAutoWidth(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(HelpRequestView.class, e.getItem().id().toString()));
        grid.setItems(q -> requests.search(filter(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, requests.count(filter())));

        add(new H2(getTranslation("help-requests.title")), bar, total, grid);
        refresh();
    }

    private HelpRequestFilter filter() {
        return new HelpRequestFilter(status.getValue(), region.getValue(), openOnly.getValue(),
                Optional.ofNullable(search.getValue()).filter(s -> !s.isBlank()));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(getTranslation("help-requests.total", requests.count(filter())));
    }

    private String regionName(RegionCode code) {
        return regions.find(code).map(Region::name).orElse(code.value());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("help-requests.title") + " · " + getTranslation("app.name");
    }
}
