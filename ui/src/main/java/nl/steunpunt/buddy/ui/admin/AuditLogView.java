package nl.steunpunt.buddy.ui.admin;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.audit.AuditEntry;
import nl.steunpunt.buddy.audit.AuditFilter;
import nl.steunpunt.buddy.audit.AuditLog;
import nl.steunpunt.buddy.shared.AuditEvent.Action;
import nl.steunpunt.buddy.shared.AuditEvent.SubjectType;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.ui.base.LazyGrid;

/**
 * The audit log for administrators: who viewed or changed which case file, in which role and region,
 * and when. Newest first, loaded page by page; every filter narrows the list at once.
 */
@Route("beheer/audit")
@RolesAllowed("ADMIN")
@Menu(order = 24, title = "menu.audit")
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private final TextField user = new TextField();
    private final ComboBox<SubjectType> subjectType = new ComboBox<>();
    private final TextField subjectId = new TextField();
    private final ComboBox<Action> action = new ComboBox<>();
    private final ComboBox<Region> region = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AuditEntry> grid = new LazyGrid<>();

    public AuditLogView(AuditLog log, Regions regions, Clock clock) {
        setSizeFull();
        user.setId("audit-user");
        user.setLabel(getTranslation("audit.user"));
        user.setMaxLength(200);
        user.setClearButtonVisible(true);
        subjectType.setId("audit-subject-type");
        subjectType.setLabel(getTranslation("audit.subject-type"));
        subjectType.setItems(SubjectType.values());
        subjectType.setItemLabelGenerator(t -> getTranslation("audit.subject." + t.name()));
        subjectType.setClearButtonVisible(true);
        subjectId.setId("audit-subject-id");
        subjectId.setLabel(getTranslation("audit.subject-id"));
        subjectId.setMaxLength(64);
        subjectId.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setLabel(getTranslation("audit.action"));
        action.setItems(Action.values());
        action.setItemLabelGenerator(a -> getTranslation("audit.action." + a.name()));
        action.setClearButtonVisible(true);
        region.setId("audit-region");
        region.setLabel(getTranslation("audit.region"));
        region.setItems(regions.all());
        region.setItemLabelGenerator(r -> r.code().value() + " · " + r.name());
        region.setClearButtonVisible(true);
        from.setId("audit-from");
        from.setLabel(getTranslation("audit.from"));
        from.setClearButtonVisible(true);
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.to"));
        to.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        subjectId.setValueChangeMode(ValueChangeMode.LAZY);

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.setId("audit-grid");
        grid.addColumn(e -> format.format(e.at().atZone(clock.getZone()))).setKey("at").setHeader(getTranslation("audit.at"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.userId().orElse(getTranslation("audit.nobody"))).setKey("user").setHeader(getTranslation("audit.user"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::roles).setKey("roles").setHeader(getTranslation("audit.roles")).setAutoWidth(true);
        grid.addColumn(AuditEntry::regions).setKey("regions").setHeader(getTranslation("audit.regions")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.action." + e.action().name())).setKey("action")
                .setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.subject." + e.subjectType().name())).setKey("subject-type")
                .setHeader(getTranslation("audit.subject-type")).setAutoWidth(true);
        grid.addColumn(AuditEntry::subjectId).setKey("subject-id").setHeader(getTranslation("audit.subject-id")).setAutoWidth(true);
        grid.addColumn(e -> e.regionCode().orElse("")).setKey("region").setHeader(getTranslation("audit.region")).setAutoWidth(true);
        grid.setItems(q -> log.search(filter(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, log.count(filter())));

        user.addValueChangeListener(e -> refresh());
        subjectType.addValueChangeListener(e -> refresh());
        subjectId.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        region.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(user, subjectType, subjectId, action, region, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("audit.title")), filters, grid);
        setFlexGrow(1, grid);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private AuditFilter filter() {
        return new AuditFilter(user.getValue(), subjectType.getValue(), subjectId.getValue(), action.getValue(),
                region.getValue() == null ? null : region.getValue().code(), from.getValue(), to.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
