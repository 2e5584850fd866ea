package nl.steunpunt.buddy.ui.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.support.SignalTheme;
import nl.steunpunt.buddy.support.Signals;
import nl.steunpunt.buddy.ui.base.Notifications;

/**
 * The signal themes buddies choose from in their contact log. The administrator adds, renames or
 * deactivates a theme; recorded log lines keep the name they were recorded with.
 */
@Route("beheer/signalen")
@RolesAllowed("ADMIN")
@Menu(order = 23, title = "menu.signal-themes")
public class SignalThemesView extends VerticalLayout implements HasDynamicTitle {

    private final Signals signals;
    private final Grid<SignalTheme> grid = new Grid<>();
    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final Checkbox active = new Checkbox();

    public SignalThemesView(Signals signals) {
        this.signals = signals;
        add(new H2(getTranslation("signal-themes.title")), new Paragraph(getTranslation("signal-themes.explain")));

        grid.setId("signal-themes-grid");
        grid.addColumn(SignalTheme::code).setKey("code").setHeader(getTranslation("catalogue.code")).setAutoWidth(true);
        grid.addColumn(SignalTheme::name).setKey("name").setHeader(getTranslation("catalogue.name")).setFlexGrow(1);
        grid.addColumn(t -> getTranslation(t.active() ? "catalogue.yes" : "catalogue.no")).setKey("active")
                .setHeader(getTranslation("catalogue.active")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> {
            code.setValue(e.getItem().code());
            name.setValue(e.getItem().name());
            active.setValue(e.getItem().active());
        });

        code.setLabel(getTranslation("catalogue.code"));
        code.setId("theme-code");
        code.setMaxLength(40);
        name.setLabel(getTranslation("catalogue.name"));
        name.setId("theme-name");
        name.setMaxLength(200);
        name.setWidth("28em");
        active.setLabel(getTranslation("catalogue.active"));
        active.setId("theme-active");
        active.setValue(true);
        Button save = new Button(getTranslation("catalogue.save"), e -> save());
        save.setId("theme-save");
        HorizontalLayout editor = new HorizontalLayout(code, name, active, save);
        editor.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(grid, editor);
        refresh();
    }

    private void save() {
        try {
            signals.saveTheme(code.getValue(), name.getValue(), active.getValue());
            Notifications.success("catalogue.saved");
            refresh();
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    private void refresh() {
        grid.setItems(signals.allThemes());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signal-themes.title") + " · " + getTranslation("app.name");
    }
}
