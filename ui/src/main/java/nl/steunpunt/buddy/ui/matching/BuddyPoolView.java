package nl.steunpunt.buddy.ui.matching;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.DepartureReason;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.PoolBuddy;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.workflow.BuddyOffboarding;

/**
 * The buddies of the coordinator's regions as matching sees them: qualified, VOG, load, place and
 * the schools she is connected to. The coordinator records place, schools and her own maximum,
 * and records that a buddy stops (her offboarding starts).
 */
@Route("buddies")
@RolesAllowed("COORDINATOR")
@Menu(order = 2.7, title = "menu.buddy-pool")
public class BuddyPoolView extends VerticalLayout implements HasDynamicTitle {

    private final Matchmaking matchmaking;
    private final HelpRequests helpRequests;
    private final Regions regions;
    private final BuddyOffboarding offboarding;
    private final Grid<PoolBuddy> grid = new Grid<>();

    public BuddyPoolView(Matchmaking matchmaking, HelpRequests helpRequests, Regions regions, BuddyOffboarding offboarding) {
        this.matchmaking = matchmaking;
        this.offboarding = offboarding;
        this.helpRequests = helpRequests;
        this.regions = regions;
        setSizeFull();

        grid.setId("pool-grid");
        grid.setSizeFull();
        grid.addColumn(PoolBuddy::name).setKey("name").setHeader(getTranslation("applications.column.name")).setAutoWidth(true);
        grid.addColumn(PoolBuddy::reference).setKey("reference").setHeader(getTranslation("applications.column.reference"))
                .setAutoWidth(true);
        grid.addColumn(b -> regionName(b.region())).setKey("region").setHeader(getTranslation("inbox.column.region")).setAutoWidth(true);
        grid.addColumn(b -> yesNo(b.qualified())).setKey("qualified").setHeader(getTranslation("buddy-pool.column.qualified"))
                .setAutoWidth(true);
        grid.addColumn(b -> yesNo(b.vogValid())).setKey("vog").setHeader(getTranslation("buddy-pool.column.vog")).setAutoWidth(true);
        grid.addColumn(b -> getTranslation(b.maxMatchesOverride().isPresent() ? "buddy-pool.load.own" : "matching.load",
                b.openMatches(), b.maxMatches())).setKey("load").setHeader(getTranslation("matching.column.load")).setAutoWidth(true);
        grid.addColumn(b -> b.place().orElse("")).setKey("place").setHeader(getTranslation("help-form.place")).setAutoWidth(true);
        grid.addColumn(b -> String.join(", ", b.schools())).setKey("schools").setHeader(getTranslation("buddy-pool.column.schools"))
                .setAutoWidth(true);
        grid.addColumn(b -> yesNo(b.hasAccount())).setKey("account").setHeader(getTranslation("matching.column.account"))
                .setAutoWidth(true);
        grid.addColumn(b -> b.leaving() ? getTranslation("buddy-pool.leaving") : "").setKey("leaving")
                .setHeader(getTranslation("buddy-pool.column.leaving")).setAutoWidth(true);
        grid.addComponentColumn(b -> {
            Button edit = new Button(getTranslation("buddy-pool.edit"), e -> edit(b));
            edit.setId("edit-" + b.reference());
            return edit;
        }).setKey("actions").setHeader("").setAutoWidth(true);
        grid.addComponentColumn(b -> {
            Button leave = new Button(getTranslation("buddy-pool.leave"), e -> leave(b));
            leave.setId("leave-" + b.reference());
            leave.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            leave.setVisible(!b.leaving());
            return leave;
        }).setKey("leave").setHeader("").setAutoWidth(true);

        add(new H2(getTranslation("buddy-pool.title")), new Paragraph(getTranslation("buddy-pool.intro")), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(matchmaking.pool());
    }

    private void edit(PoolBuddy buddy) {
        Dialog dialog = new Dialog();
        dialog.setId("buddy-profile-dialog");
        dialog.setHeaderTitle(getTranslation("buddy-pool.edit.title", buddy.name(), buddy.reference()));
        ComboBox<String> place = new ComboBox<>(getTranslation("help-form.place"));
        place.setId("profile-place");
        place.setItems(helpRequests.places());
        place.setClearButtonVisible(true);
        buddy.place().ifPresent(place::setValue);
        place.setHelperText(getTranslation("buddy-pool.place.help"));
        TextField schools = new TextField(getTranslation("buddy-pool.column.schools"));
        schools.setId("profile-schools");
        schools.setValue(String.join(", ", buddy.schools()));
        schools.setHelperText(getTranslation("buddy-pool.schools.help"));
        schools.setMaxLength(1000);
        schools.setWidthFull();
        IntegerField max = new IntegerField(getTranslation("buddy-pool.max"));
        max.setId("profile-max");
        max.setMin(0);
        max.setMax(10);
        max.setStepButtonsVisible(true);
        buddy.maxMatchesOverride().ifPresent(max::setValue);
        max.setHelperText(getTranslation("buddy-pool.max.help", matchmaking.settings(buddy.region()).maxMatches()));
        FormLayout form = new FormLayout(place, max, schools);
        form.setColspan(schools, 2);
        dialog.add(form);

        Button cancel = new Button(getTranslation("waiting-list.cancel"), e -> dialog.close());
        cancel.setId("profile-cancel");
        Button save = new Button(getTranslation("catalogue.save"), e -> {
            try {
                matchmaking.saveBuddyProfile(buddy.id(), buddy.version(), place.getValue(), schoolsOf(schools.getValue()), max.getValue());
                Notifications.success("buddy-pool.saved", buddy.name());
                dialog.close();
                refresh();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("40em");
        dialog.open();
    }

    /** The coordinator records that the buddy stops: she is no longer proposed and her offboarding starts. */
    private void leave(PoolBuddy buddy) {
        Dialog dialog = new Dialog();
        dialog.setId("buddy-leave-dialog");
        dialog.setHeaderTitle(getTranslation("buddy-pool.leave.title", buddy.name(), buddy.reference()));
        Select<DepartureReason> reason = new Select<>();
        reason.setId("leave-reason");
        reason.setLabel(getTranslation("buddy-pool.leave.reason"));
        reason.setItems(DepartureReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("departure.reason." + r.name()));
        dialog.add(new Paragraph(getTranslation("buddy-pool.leave.intro", buddy.openMatches())), reason);
        Button cancel = new Button(getTranslation("waiting-list.cancel"), e -> dialog.close());
        cancel.setId("leave-cancel");
        Button confirm = new Button(getTranslation("buddy-pool.leave.confirm"), e -> {
            try {
                offboarding.start(buddy.id(), reason.getValue());
                Notifications.success("buddy-pool.leave.started", buddy.name());
                dialog.close();
                refresh();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        confirm.setId("leave-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(cancel, confirm);
        dialog.setWidth("36em");
        dialog.open();
    }

    /** Schools are typed separated by commas; blanks are dropped, the module normalises the rest. */
    static Set<String> schoolsOf(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "catalogue.yes" : "catalogue.no");
    }

    private String regionName(RegionCode code) {
        return regions.find(code).map(Region::name).orElse(code.value());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("buddy-pool.title") + " · " + getTranslation("app.name");
    }
}
