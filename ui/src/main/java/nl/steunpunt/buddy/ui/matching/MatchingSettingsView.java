package nl.steunpunt.buddy.ui.matching;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.Criterion;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.RegionMatchingSettings;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;

/**
 * Matching settings of a region, for administrators: the weight of each criterion (their sum is the
 * best possible score), the distance at which distance stops counting, a buddy's default maximum of
 * open matches, and the neighbouring regions whose buddies may help here too.
 */
@Route("beheer/koppeling")
@RolesAllowed("ADMIN")
@Menu(order = 22, title = "menu.matching-settings")
public class MatchingSettingsView extends VerticalLayout implements HasDynamicTitle {

    private final Matchmaking matchmaking;
    private final List<Region> allRegions;
    private final Select<Region> region = new Select<>();
    private final Map<Criterion, IntegerField> weights = new EnumMap<>(Criterion.class);
    private final Paragraph sum = new Paragraph();
    private final IntegerField maxDistance = new IntegerField();
    private final IntegerField maxMatches = new IntegerField();
    private final MultiSelectComboBox<Region> neighbours = new MultiSelectComboBox<>();

    public MatchingSettingsView(Matchmaking matchmaking, Regions regions, CurrentActor currentActor) {
        this.matchmaking = matchmaking;
        this.allRegions = regions.all().stream().sorted(Comparator.comparing(Region::name)).toList();
        Actor actor = currentActor.require();
        setMaxWidth("60em");

        region.setLabel(getTranslation("matching-settings.region"));
        region.setId("settings-region");
        region.setItems(allRegions.stream().filter(r -> actor.hasRoleIn(Role.ADMIN, r.code())).toList());
        region.setItemLabelGenerator(Region::name);
        region.addValueChangeListener(e -> load());

        FormLayout weightForm = new FormLayout();
        for (Criterion criterion : Criterion.values()) {
            IntegerField field = new IntegerField(getTranslation("criterion." + criterion.name()));
            field.setId("weight-" + criterion.name());
            field.setMin(0);
            field.setMax(1000);
            field.setStepButtonsVisible(true);
            field.setHelperText(getTranslation("criterion." + criterion.name() + ".help"));
            field.addValueChangeListener(e -> showSum());
            weights.put(criterion, field);
            weightForm.add(field);
        }
        sum.setId("weights-sum");

        maxDistance.setLabel(getTranslation("matching-settings.max-distance"));
        maxDistance.setId("settings-max-distance");
        maxDistance.setMin(1);
        maxDistance.setMax(500);
        maxDistance.setHelperText(getTranslation("matching-settings.max-distance.help"));
        maxMatches.setLabel(getTranslation("matching-settings.max-matches"));
        maxMatches.setId("settings-max-matches");
        maxMatches.setMin(0);
        maxMatches.setMax(10);
        maxMatches.setStepButtonsVisible(true);
        maxMatches.setHelperText(getTranslation("matching-settings.max-matches.help"));
        neighbours.setLabel(getTranslation("matching-settings.neighbours"));
        neighbours.setId("settings-neighbours");
        neighbours.setItemLabelGenerator(Region::name);
        neighbours.setHelperText(getTranslation("matching-settings.neighbours.help"));
        neighbours.setWidthFull();

        Button save = new Button(getTranslation("catalogue.save"), e -> save());
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H2(getTranslation("matching-settings.title")), new Paragraph(getTranslation("matching-settings.intro")), region,
                new H3(getTranslation("matching-settings.weights")), new Paragraph(getTranslation("matching-settings.weights.explain")),
                weightForm, sum, new H3(getTranslation("matching-settings.capacity")), new FormLayout(maxDistance, maxMatches),
                new H3(getTranslation("matching-settings.neighbours")), neighbours, save);
        region.getListDataView().getItems().findFirst().ifPresent(region::setValue);
        showSum();
    }

    private void load() {
        Region chosen = region.getValue();
        if (chosen == null) {
            return;
        }
        RegionMatchingSettings settings = matchmaking.settings(chosen.code());
        weights.forEach((criterion, field) -> field.setValue(settings.weights().weight(criterion)));
        maxDistance.setValue((int) Math.round(settings.weights().maxDistanceKm()));
        maxMatches.setValue(settings.maxMatches());
        neighbours.setItems(allRegions.stream().filter(r -> !r.code().equals(chosen.code())).toList());
        Set<RegionCode> current = matchmaking.neighbours(chosen.code());
        neighbours.setValue(allRegions.stream().filter(r -> current.contains(r.code())).collect(Collectors.toSet()));
        showSum();
    }

    private void showSum() {
        int total = weights.values().stream().mapToInt(f -> f.getValue() == null ? 0 : Math.max(0, f.getValue())).sum();
        sum.setText(getTranslation("matching-settings.sum", total));
    }

    private void save() {
        Region chosen = region.getValue();
        if (chosen == null) {
            Notifications.error(new InvalidInputException("error.application.region.unknown"));
            return;
        }
        Map<Criterion, Integer> values = new HashMap<>();
        weights.forEach((criterion, field) -> values.put(criterion, field.getValue()));
        try {
            if (maxDistance.getValue() == null || maxDistance.getValue() < 1) {
                throw new InvalidInputException("error.settings.distance.invalid", 1, 500);
            }
            if (maxMatches.getValue() == null) {
                throw new InvalidInputException("error.settings.max-matches.invalid", 0, 10);
            }
            matchmaking.saveSettings(chosen.code(), values, maxDistance.getValue(), maxMatches.getValue());
            matchmaking.saveNeighbours(chosen.code(), neighbours.getValue().stream().map(Region::code).collect(Collectors.toSet()));
            Notifications.success("matching-settings.saved", chosen.name());
            load();
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("matching-settings.title") + " · " + getTranslation("app.name");
    }
}
