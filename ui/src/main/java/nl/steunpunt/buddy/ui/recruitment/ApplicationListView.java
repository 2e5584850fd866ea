package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
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
import nl.steunpunt.buddy.recruitment.ApplicationFilter;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.ApplicationSummary;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;

/** All buddy applications of the coordinator's regions: status, region, waiting time, filters. */
@Route("aanmeldingen")
@RolesAllowed("COORDINATOR")
@Menu(order = 2, title = "menu.applications")
public class ApplicationListView extends VerticalLayout implements HasDynamicTitle {

    private final Applications applications;
    private final Regions regions;
    private final Clock clock;
    private final Grid<ApplicationSummary> grid = new Grid<>();
    private final Select<Optional<ApplicationStatus>> status = new Select<>();
    private final Select<Optional<RegionCode>> region = new Select<>();
    private final Checkbox openOnly = new Checkbox();
    private final TextField search = new TextField();
    private final Span total = new Span();

    public ApplicationListView(Applications applications, Regions regions, CurrentActor currentActor, Clock clock) {
        this.applications = applications;
        this.regions = regions;
        this.clock = clock;
        setSizeFull();

        status.setLabel(getTranslation("applications.filter.status"));
        status.setId("filter-status");
        java.util.List<Optional<ApplicationStatus>> statuses = new java.util.ArrayList<>();
        statuses.add(Optional.empty());
        Arrays.stream(ApplicationStatus.values()).forEach(s -> statuses.add(Optional.of(s)));
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> s.map(v -> getTranslation("application.status." + v.name()))
                .orElse(getTranslation("applications.filter.all")));
        status.setValue(Optional.empty());

        region.setLabel(getTranslation("applications.filter.region"));
        region.setId("filter-region");
        java.util.List<Optional<RegionCode>> regionOptions = new java.util.ArrayList<>();
        regionOptions.add(Optional.empty());
        currentActor.require().regions().forEach(r -> regionOptions.add(Optional.of(r)));
        region.setItems(regionOptions);
        region.setItemLabelGenerator(r -> r.map(this::regionName).orElse(getTranslation("applications.filter.all")));
        region.setValue(Optional.empty());

        openOnly.setLabel(getTranslation("applications.filter.open"));
        openOnly.setId("filter-open");
        openOnly.setValue(true);
        search.setLabel(getTranslation("applications.filter.search"));
        search.setId("filter-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        status.addValueChangeListener(e -> refresh());
        region.addValueChangeListener(e -> refresh());
        openOnly.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());

        Button register = new Button(getTranslation("applications.register"), e -> UI.getCurrent().navigate(RegisterApplicationView.class));
        register.setId("register-application");
        HorizontalLayout bar = new HorizontalLayout(status, region, openOnly, search, register);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("applications-grid");
        grid.setSizeFull();
        grid.addColumn(ApplicationSummary::reference).setKey("reference").setHeader(getTranslation("applications.column.reference")).setAutoWidth(true);
        grid.addColumn(ApplicationSummary::name).setKey("name").setHeader(getTranslation("applications.column.name")).setAutoWidth(true);
        grid.addColumn(s -> regionName(s.region())).setKey("region").setHeader(getTranslation("inbox.column.region")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("application.status." + s.status().name())).setKey("status")
                .setHeader(getTranslation("application.status")).setAutoWidth(true);
        grid.addColumn(s -> DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale())
                .format(s.submittedAt().atZone(clock.getZone()))).setKey("submitted").setHeader(getTranslation("application.submitted")).setAutoWidth(true);
        grid.addColumn(s -> s.status().isClosed() ? "" : getTranslation("applications.waiting",
                Duration.between(s.lastChangedAt(), clock.instant()).toDays())).setKey("waiting")
                .setHeader(getTranslation("applications.column.waiting")).setAutoWidth(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(ApplicationView.class, e.getItem().id().toString()));
        grid.setItems(q -> applications.search(filter(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, applications.count(filter())));

        add(new H2(getTranslation("applications.title")), bar, total, grid);
        refresh();
    }

    private ApplicationFilter filter() {
        return new ApplicationFilter(status.getValue(), region.getValue(), openOnly.getValue(),
                Optional.ofNullable(search.getValue()).filter(s -> !s.isBlank()));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(getTranslation("applications.total", applications.count(filter())));
    }

    private String regionName(RegionCode code) {
        return regions.find(code).map(Region::name).orElse(code.value());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("applications.title") + " · " + getTranslation("app.name");
    }
}
