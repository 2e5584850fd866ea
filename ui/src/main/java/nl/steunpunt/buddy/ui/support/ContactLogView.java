package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.support.ContactEntry;
import nl.steunpunt.buddy.support.ContactKind;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.MatchLog;
import nl.steunpunt.buddy.support.NewContact;
import nl.steunpunt.buddy.support.RecordedTheme;
import nl.steunpunt.buddy.support.SignalTheme;
import nl.steunpunt.buddy.support.Signals;
import nl.steunpunt.buddy.ui.base.Notifications;

/**
 * The contact log of one match: the buddy's lines, newest first, and — for the match's own buddy
 * while it runs — a form to add a contact or correct a recent line. The coordinators of the match's
 * region read it too; every opening is logged by the support module.
 */
@Route("mijn-koppelingen/log")
@RolesAllowed({ "BUDDY", "COORDINATOR" })
public class ContactLogView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final ContactLog contactLog;
    private final Signals signals;
    private final Clock clock;
    private final Grid<ContactEntry> grid = new Grid<>();
    private final DatePicker on = new DatePicker();
    private final Select<ContactKind> kind = new Select<>();
    private final IntegerField minutes = new IntegerField();
    private final TextArea topics = new TextArea();
    private final CheckboxGroup<SignalTheme> themes = new CheckboxGroup<>();
    private final Button save = new Button();
    private final Button cancel = new Button();
    private MatchLog log;
    private Optional<ContactEntry> correcting = Optional.empty();

    public ContactLogView(ContactLog contactLog, Signals signals, Clock clock) {
        this.contactLog = contactLog;
        this.signals = signals;
        this.clock = clock;
        setMaxWidth("70em");
    }

    @Override
    public void setParameter(BeforeEvent event, String matchId) {
        removeAll();
        try {
            log = contactLog.logOf(UUID.fromString(matchId));
        } catch (IllegalArgumentException e) {
            showProblem(getTranslation("error.contact.match.not-found"));
            return;
        } catch (TranslatableException e) {
            showProblem(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        add(new H2(getTranslation("contact-log.title", log.reference())));
        add(new Paragraph(getTranslation(log.writable() ? "contact-log.explain.buddy" : "contact-log.explain.reader")));
        if (log.writable()) {
            add(form());
        }
        add(new H3(getTranslation("contact-log.lines")), lines());
        grid.setItems(log.entries());
    }

    private VerticalLayout form() {
        on.setLabel(getTranslation("contact-log.on"));
        on.setId("contact-date");
        on.setMin(log.earliest());
        on.setMax(LocalDate.now(clock));
        on.setLocale(getLocale());
        kind.setLabel(getTranslation("contact-log.kind"));
        kind.setId("contact-kind");
        kind.setItems(Arrays.asList(ContactKind.values()));
        kind.setItemLabelGenerator(k -> getTranslation("contact-kind." + k.name()));
        minutes.setLabel(getTranslation("contact-log.minutes"));
        minutes.setId("contact-minutes");
        minutes.setMin(1);
        minutes.setMax(ContactLog.MAX_MINUTES);
        minutes.setStepButtonsVisible(true);
        topics.setLabel(getTranslation("contact-log.topics"));
        topics.setHelperText(getTranslation("contact-log.topics.help"));
        topics.setId("contact-topics");
        topics.setMaxLength(ContactLog.MAX_TOPICS);
        topics.setWidthFull();
        themes.setLabel(getTranslation("contact-log.themes"));
        themes.setHelperText(getTranslation("contact-log.themes.help"));
        themes.setId("contact-themes");
        themes.setItems(signals.themes());
        themes.setItemLabelGenerator(SignalTheme::name);
        save.addClickListener(e -> save());
        save.setId("contact-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.setText(getTranslation("contact-log.cancel"));
        cancel.setId("contact-cancel");
        cancel.addClickListener(e -> clear());
        HorizontalLayout line = new HorizontalLayout(on, kind, minutes);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout form = new VerticalLayout(new H3(getTranslation("contact-log.add")), line, topics, themes,
                new HorizontalLayout(save, cancel));
        form.setPadding(false);
        form.setId("contact-form");
        clear();
        return form;
    }

    private Grid<ContactEntry> lines() {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.setId("contact-log-grid");
        grid.removeAllColumns(); // opened again on the same screen (after saving, or a link to itself): columns once
        grid.addColumn(c -> date.format(c.on())).setKey("on").setHeader(getTranslation("contact-log.on")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("contact-kind." + c.kind().name())).setKey("kind")
                .setHeader(getTranslation("contact-log.kind")).setAutoWidth(true);
        grid.addColumn(ContactEntry::minutes).setKey("minutes").setHeader(getTranslation("contact-log.minutes")).setAutoWidth(true);
        grid.addColumn(c -> c.topics().orElse("")).setKey("topics").setHeader(getTranslation("contact-log.topics")).setFlexGrow(1);
        grid.addColumn(c -> c.themes().stream().map(RecordedTheme::name).collect(Collectors.joining(", "))).setKey("themes")
                .setHeader(getTranslation("contact-log.themes")).setFlexGrow(1);
        grid.addColumn(c -> c.correctedAt().map(t -> getTranslation("contact-log.corrected",
                date.format(t.atZone(clock.getZone())))).orElse("")).setKey("corrected").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        if (log.writable()) {
            grid.addItemClickListener(e -> edit(e.getItem()));
        }
        return grid;
    }

    /** Loads a line the buddy may still correct into the form. */
    private void edit(ContactEntry entry) {
        if (!entry.correctable()) {
            return;
        }
        correcting = Optional.of(entry);
        on.setValue(entry.on());
        kind.setValue(entry.kind());
        minutes.setValue(entry.minutes());
        topics.setValue(entry.topics().orElse(""));
        Set<String> codes = entry.themes().stream().map(RecordedTheme::code).collect(Collectors.toSet());
        themes.setValue(themesOffered().stream().filter(t -> codes.contains(t.code())).collect(Collectors.toCollection(LinkedHashSet::new)));
        save.setText(getTranslation("contact-log.save-correction"));
        cancel.setVisible(true);
    }

    private List<SignalTheme> themesOffered() {
        return themes.getListDataView().getItems().toList();
    }

    private void save() {
        NewContact contact = new NewContact(on.getValue(), kind.getValue(), minutes.getValue(), topics.getValue(),
                themes.getValue().stream().map(SignalTheme::code).collect(Collectors.toSet()));
        try {
            if (correcting.isPresent()) {
                contactLog.correct(correcting.get().id(), correcting.get().version(), contact);
                Notifications.success("contact-log.corrected.done");
            } else {
                contactLog.record(log.match(), contact);
                Notifications.success("contact-log.saved");
            }
            clear();
            refresh();
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    private void clear() {
        correcting = Optional.empty();
        on.setValue(LocalDate.now(clock));
        kind.setValue(ContactKind.PHONE);
        minutes.clear();
        topics.clear();
        themes.clear();
        save.setText(getTranslation("contact-log.save"));
        cancel.setVisible(false);
    }

    /** Reads the log again after a change (a reading like any other, so it is logged too). */
    private void refresh() {
        log = contactLog.logOf(log.match());
        grid.setItems(log.entries());
    }

    private void showProblem(String message) {
        Paragraph problem = new Paragraph(message);
        problem.setId("contact-log-problem");
        add(new H2(getTranslation("contact-log.unavailable")), problem);
    }

    @Override
    public String getPageTitle() {
        return (log == null ? getTranslation("contact-log.name") : getTranslation("contact-log.title", log.reference())) + " · "
                + getTranslation("app.name");
    }
}
