package nl.steunpunt.buddy.ui.recruitment;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import nl.steunpunt.buddy.ui.base.Languages;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.NewApplication;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.ui.security.PublicFormLimiter;

/**
 * The buddy application form, for the public page and for a coordinator who registers an
 * application on someone's behalf. Checks on the screen guide the user; the recruitment module
 * checks everything again. The form keeps one submission key, so pressing submit twice (or a
 * double click) stores one application.
 */
public class ApplicationForm extends Composite<VerticalLayout> {


    private final Applications applications;
    private final UUID submissionKey = UUID.randomUUID();
    private final java.util.function.Consumer<ApplicationId> onSubmitted;
    private final PublicFormLimiter limiter;

    final TextField firstName = new TextField();
    final TextField lastName = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final Select<Region> region = new Select<>();
    final CheckboxGroup<SchoolLevel> schoolLevels = new CheckboxGroup<>();
    final CheckboxGroup<ProblemArea> problemAreas = new CheckboxGroup<>();
    final MultiSelectComboBox<String> languages = new MultiSelectComboBox<>();
    final IntegerField hours = new IntegerField();
    final TextArea motivation = new TextArea();
    final RadioButtonGroup<String> correspondence = new RadioButtonGroup<>();
    final Checkbox consent = new Checkbox();
    final Button submit = new Button();

    public ApplicationForm(Applications applications, PublicFormLimiter limiter, List<Region> regions,
            java.util.function.Consumer<ApplicationId> onSubmitted) {
        this.applications = applications;
        this.onSubmitted = onSubmitted;
        this.limiter = limiter;
        VerticalLayout root = getContent();
        root.setPadding(false);

        firstName.setLabel(getTranslation("form.first-name"));
        firstName.setId("form-first-name");
        firstName.setMaxLength(100);
        firstName.setRequiredIndicatorVisible(true);
        lastName.setLabel(getTranslation("form.last-name"));
        lastName.setId("form-last-name");
        lastName.setMaxLength(100);
        lastName.setRequiredIndicatorVisible(true);
        email.setLabel(getTranslation("form.email"));
        email.setId("form-email");
        email.setMaxLength(254);
        email.setRequiredIndicatorVisible(true);
        phone.setLabel(getTranslation("form.phone"));
        phone.setId("form-phone");
        phone.setMaxLength(30);
        region.setLabel(getTranslation("form.region"));
        region.setId("form-region");
        region.setItems(regions.stream().sorted(Comparator.comparing(Region::name)).toList());
        region.setItemLabelGenerator(Region::name);
        region.setRequiredIndicatorVisible(true);
        schoolLevels.setLabel(getTranslation("form.school-levels"));
        schoolLevels.setId("form-school-levels");
        schoolLevels.setItems(SchoolLevel.values());
        schoolLevels.setItemLabelGenerator(v -> getTranslation("school-level." + v.name()));
        problemAreas.setLabel(getTranslation("form.problem-areas"));
        problemAreas.setId("form-problem-areas");
        problemAreas.setItems(ProblemArea.values());
        problemAreas.setItemLabelGenerator(v -> getTranslation("problem-area." + v.name()));
        languages.setLabel(getTranslation("form.languages"));
        languages.setId("form-languages");
        languages.setItems(Languages.CODES);
        languages.setItemLabelGenerator(code -> Locale.forLanguageTag(code).getDisplayLanguage(getLocale()));
        languages.setValue(Set.of("nl"));
        hours.setLabel(getTranslation("form.hours"));
        hours.setId("form-hours");
        hours.setMin(1);
        hours.setMax(40);
        hours.setStepButtonsVisible(true);
        motivation.setLabel(getTranslation("form.motivation"));
        motivation.setId("form-motivation");
        motivation.setMaxLength(4000);
        motivation.setWidthFull();
        correspondence.setLabel(getTranslation("form.correspondence"));
        correspondence.setId("form-correspondence");
        correspondence.setItems("nl", "en");
        correspondence.setItemLabelGenerator(code -> code.equals("en") ? "English" : "Nederlands");
        correspondence.setValue(getLocale().getLanguage().equals("en") ? "en" : "nl");
        consent.setLabel(getTranslation("form.consent"));
        consent.setId("form-consent");
        submit.setText(getTranslation("form.submit"));
        submit.setId("form-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());

        FormLayout contact = new FormLayout(firstName, lastName, email, phone, region, hours);
        root.add(contact, schoolLevels, problemAreas, languages, motivation, correspondence,
                new Paragraph(getTranslation("form.privacy")), consent, submit);
    }

    void submit() {
        try {
            limiter.check();
            ApplicationId id = applications.submit(new NewApplication(firstName.getValue(), lastName.getValue(), email.getValue(),
                    phone.getValue(), region.getValue() == null ? null : region.getValue().code(), schoolLevels.getValue(),
                    problemAreas.getValue(), languages.getValue(), hours.getValue() == null ? 0 : hours.getValue(),
                    motivation.getValue(), consent.getValue(), correspondence.getValue()), submissionKey);
            onSubmitted.accept(id);
        } catch (TranslatableException e) {
            Notifications.error(e);
        } finally {
            submit.setEnabled(true);
        }
    }
}
