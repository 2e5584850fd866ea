package nl.steunpunt.buddy.ui.admin;

import java.time.Period;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.training.CatalogueItem;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.base.Notifications;

/**
 * The training catalogue: modules of the basic track, competences, the refresher period. Changes
 * apply from now on; recorded attendance and sign-offs keep what they said.
 */
@Route("beheer/scholingscatalogus")
@RolesAllowed("ADMIN")
@Menu(order = 21, title = "menu.catalogue")
public class CatalogueView extends VerticalLayout implements HasDynamicTitle {

    private final Training training;
    private final Grid<CatalogueItem> modules = new Grid<>();
    private final Grid<CatalogueItem> competences = new Grid<>();

    public CatalogueView(Training training) {
        this.training = training;
        add(new H2(getTranslation("catalogue.title")));

        modules.setId("catalogue-modules");
        modules.addColumn(CatalogueItem::code).setHeader(getTranslation("catalogue.code")).setAutoWidth(true);
        modules.addColumn(CatalogueItem::name).setHeader(getTranslation("catalogue.name")).setFlexGrow(1);
        modules.addColumn(m -> getTranslation(m.required() ? "catalogue.yes" : "catalogue.no")).setHeader(getTranslation("catalogue.required"));
        modules.setAllRowsVisible(true);
        add(new H3(getTranslation("catalogue.modules")), modules, editor("module", getTranslation("catalogue.required"),
                (code, name, flag) -> training.saveModule(code, name, flag)));

        competences.setId("catalogue-competences");
        competences.addColumn(CatalogueItem::code).setHeader(getTranslation("catalogue.code")).setAutoWidth(true);
        competences.addColumn(CatalogueItem::name).setHeader(getTranslation("catalogue.name")).setFlexGrow(1);
        competences.addColumn(c -> getTranslation(c.required() ? "catalogue.yes" : "catalogue.no")).setHeader(getTranslation("catalogue.active"));
        competences.setAllRowsVisible(true);
        add(new H3(getTranslation("catalogue.competences")), competences, editor("competence", getTranslation("catalogue.active"),
                (code, name, flag) -> training.saveCompetence(code, name, flag)));

        IntegerField months = new IntegerField(getTranslation("catalogue.refresher-months"));
        months.setId("catalogue-refresher-months");
        months.setMin(1);
        months.setMax(36);
        months.setValue((int) training.refresherPeriodOfTrack().toTotalMonths());
        Button saveMonths = new Button(getTranslation("catalogue.save"), e -> act(() -> training.setRefresherPeriod(
                months.getValue() == null ? null : Period.ofMonths(months.getValue()))));
        HorizontalLayout refresher = new HorizontalLayout(months, saveMonths);
        refresher.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("catalogue.refresher")), refresher);
        refresh();
    }

    /** Saves one catalogue line. */
    @FunctionalInterface
    interface Saver {
        void save(String code, String name, boolean flag);
    }

    private HorizontalLayout editor(String kind, String flagLabel, Saver saver) {
        TextField code = new TextField(getTranslation("catalogue.code"));
        code.setId(kind + "-code");
        code.setMaxLength(40);
        TextField name = new TextField(getTranslation("catalogue.name"));
        name.setId(kind + "-name");
        name.setMaxLength(200);
        name.setWidth("28em");
        Checkbox flag = new Checkbox(flagLabel, true);
        flag.setId(kind + "-flag");
        Button save = new Button(getTranslation("catalogue.save"), e -> act(() -> saver.save(code.getValue(), name.getValue(), flag.getValue())));
        save.setId(kind + "-save");
        HorizontalLayout editor = new HorizontalLayout(code, name, flag, save);
        editor.setAlignItems(FlexComponent.Alignment.BASELINE);
        return editor;
    }

    private void act(Runnable change) {
        try {
            change.run();
            Notifications.success("catalogue.saved");
            refresh();
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    private void refresh() {
        modules.setItems(training.modules());
        competences.setItems(training.allCompetences());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalogue.title") + " · " + getTranslation("app.name");
    }
}
