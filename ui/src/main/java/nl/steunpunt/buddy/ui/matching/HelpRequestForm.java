package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import nl.steunpunt.buddy.ui.base.Languages;
import nl.steunpunt.buddy.matching.Channel;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.ui.security.PublicFormLimiter;

/**
 * The help-request form (hulpvraag), for the public page and for a coordinator who registers a
 * request taken by phone or at an oudercafé. The requester first says who she is: a parent or a
 * young person; labels, help texts and the intro then speak to her in her own terms ("je kind" to a
 * parent, "jij" and "je school" to a young person). Checks on the screen guide; the matching module
 * checks everything again. One submission key per form: a double click stores one request.
 */
public class HelpRequestForm extends Composite<VerticalLayout> {

    /** Who fills in the form: the requester herself, or a coordinator on her behalf. */
    public enum Mode {
        PUBLIC, COORDINATOR
    }

    /** Languages a requester may prefer to talk in (ISO 639-1), with names in the user's language. */

    private final HelpRequests helpRequests;
    private final Mode mode;
    private final UUID submissionKey = UUID.randomUUID();
    private final BiConsumer<HelpRequestId, RequesterKind> onSubmitted;
    private final PublicFormLimiter limiter;

    final RadioButtonGroup<RequesterKind> kind = new RadioButtonGroup<>();
    final Paragraph intro = new Paragraph();
    final VerticalLayout fields = new VerticalLayout();
    final Select<Channel> channel = new Select<>();
    final Select<Region> region = new Select<>();
    final Select<SchoolLevel> schoolLevel = new Select<>();
    final CheckboxGroup<ProblemArea> problemAreas = new CheckboxGroup<>();
    final ComboBox<String> language = new ComboBox<>();
    final RadioButtonGroup<Urgency> urgency = new RadioButtonGroup<>();
    final DatePicker meetingDate = new DatePicker();
    final TextField school = new TextField();
    final ComboBox<String> place = new ComboBox<>();
    final TextField contactName = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final TextArea question = new TextArea();
    final RadioButtonGroup<String> correspondence = new RadioButtonGroup<>();
    final Paragraph privacy = new Paragraph();
    final Checkbox consent = new Checkbox();
    final Button submit = new Button();

    public HelpRequestForm(HelpRequests helpRequests, PublicFormLimiter limiter, List<Region> regions, Clock clock, Mode mode,
            BiConsumer<HelpRequestId, RequesterKind> onSubmitted) {
        this.helpRequests = helpRequests;
        this.mode = mode;
        this.onSubmitted = onSubmitted;
        this.limiter = limiter;
        VerticalLayout root = getContent();
        root.setPadding(false);

        kind.setId("help-kind");
        kind.setItems(RequesterKind.values());
        kind.setRequiredIndicatorVisible(true);
        if (mode == Mode.PUBLIC) {
            kind.setLabel(getTranslation("help-form.kind"));
            kind.setItemLabelGenerator(k -> getTranslation("help-form.kind." + k.name()));
            intro.setText(getTranslation("help-public.intro"));
        } else {
            kind.setLabel(getTranslation("help-form.kind.staff"));
            kind.setItemLabelGenerator(k -> getTranslation("requester-kind." + k.name()));
        }
        intro.setId("help-intro");

        channel.setLabel(getTranslation("help-form.channel"));
        channel.setId("help-channel");
        channel.setItems(Channel.PHONE, Channel.OUDERCAFE, Channel.OTHER);
        channel.setItemLabelGenerator(c -> getTranslation("channel." + c.name()));
        channel.setValue(Channel.PHONE);
        channel.setVisible(mode == Mode.COORDINATOR);

        region.setId("help-region");
        region.setItems(regions.stream().sorted(Comparator.comparing(Region::name)).toList());
        region.setItemLabelGenerator(Region::name);
        region.setRequiredIndicatorVisible(true);
        if (regions.size() == 1) {
            region.setValue(regions.get(0));
        }
        schoolLevel.setId("help-school-level");
        schoolLevel.setItems(SchoolLevel.values());
        schoolLevel.setItemLabelGenerator(v -> getTranslation("school-level." + v.name()));
        schoolLevel.setRequiredIndicatorVisible(true);
        problemAreas.setId("help-problem-areas");
        problemAreas.setItems(ProblemArea.values());
        problemAreas.setItemLabelGenerator(v -> getTranslation("problem-area." + v.name()));
        problemAreas.setRequiredIndicatorVisible(true);
        language.setId("help-language");
        language.setItems(Languages.CODES);
        language.setItemLabelGenerator(code -> Languages.name(code, getLocale()));
        language.setValue("nl");
        language.setRequiredIndicatorVisible(true);
        urgency.setId("help-urgency");
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(u -> getTranslation("help-form.urgency." + u.name()));
        urgency.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        urgency.setValue(Urgency.NORMAL);
        urgency.setRequiredIndicatorVisible(true);
        meetingDate.setId("help-meeting-date");
        LocalDate today = LocalDate.now(clock);
        meetingDate.setMin(today);
        meetingDate.setMax(today.plusYears(1));
        meetingDate.setClearButtonVisible(true);
        school.setId("help-school");
        school.setMaxLength(200);
        school.setClearButtonVisible(true);
        place.setId("help-place");
        place.setItems(helpRequests.places());
        place.setLabel(getTranslation("help-form.place"));
        place.setClearButtonVisible(true);
        contactName.setId("help-name");
        contactName.setMaxLength(200);
        contactName.setRequiredIndicatorVisible(true);
        email.setId("help-email");
        email.setLabel(getTranslation("form.email"));
        email.setMaxLength(254);
        email.setRequiredIndicatorVisible(mode == Mode.PUBLIC);
        phone.setId("help-phone");
        phone.setLabel(getTranslation(mode == Mode.PUBLIC ? "help-form.phone" : "form.phone"));
        phone.setMaxLength(30);
        question.setId("help-question");
        question.setMaxLength(4000);
        question.setWidthFull();
        question.setMinHeight("8em");
        question.setRequiredIndicatorVisible(true);
        correspondence.setId("help-correspondence");
        correspondence.setLabel(getTranslation(mode == Mode.PUBLIC ? "form.correspondence" : "help-form.correspondence.staff"));
        correspondence.setItems("nl", "en");
        correspondence.setItemLabelGenerator(code -> code.equals("en") ? "English" : "Nederlands");
        correspondence.setValue(getLocale().getLanguage().equals("en") ? "en" : "nl");
        privacy.setId("help-privacy");
        consent.setId("help-consent");
        submit.setId("help-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());

        FormLayout contact = new FormLayout(contactName, email, phone, region);
        FormLayout situation = new FormLayout(schoolLevel, language, meetingDate, place, school);
        fields.setPadding(false);
        fields.add(channel, contact, situation, problemAreas, urgency, question, correspondence, privacy, consent, submit);

        kind.addValueChangeListener(e -> applyWording(e.getValue()));
        if (mode == Mode.PUBLIC) {
            root.add(intro, kind, fields);
            applyWording(null);
        } else {
            kind.setValue(RequesterKind.PARENT);
            root.add(kind, fields);
        }
    }

    /** Labels and help texts in the words of the one who asks; nothing below the choice before she chose. */
    private void applyWording(RequesterKind who) {
        fields.setVisible(who != null);
        if (who == null) {
            return;
        }
        String as = who == RequesterKind.YOUTH ? ".youth" : ".parent";
        if (mode == Mode.PUBLIC) {
            intro.setText(getTranslation("help-form.intro" + as));
        }
        region.setLabel(getTranslation("help-form.region" + as));
        schoolLevel.setLabel(getTranslation("help-form.school-level" + as));
        problemAreas.setLabel(getTranslation("help-form.problem-areas" + as));
        language.setLabel(getTranslation("help-form.language" + as));
        urgency.setLabel(getTranslation("help-form.urgency" + as));
        meetingDate.setLabel(getTranslation("help-form.meeting-date" + as));
        meetingDate.setHelperText(getTranslation("help-form.optional"));
        school.setLabel(getTranslation("help-form.school" + as));
        school.setHelperText(getTranslation("help-form.school.help" + as));
        place.setHelperText(getTranslation("help-form.place.help" + as));
        contactName.setLabel(getTranslation("help-form.name" + as));
        email.setHelperText(getTranslation(mode == Mode.PUBLIC ? "help-form.email.help" + as : "help-form.contact.staff"));
        question.setLabel(getTranslation("help-form.question" + as));
        privacy.setText(getTranslation("help-form.privacy" + as));
        consent.setLabel(getTranslation(mode == Mode.PUBLIC ? "help-form.consent" + as : "help-form.consent.staff"));
        submit.setText(getTranslation(mode == Mode.PUBLIC ? "help-form.submit" + as : "help-form.submit.staff"));
    }

    void submit() {
        try {
            limiter.check();
            if (region.getValue() == null) {
                throw new InvalidInputException("error.application.region.unknown");
            }
            NewHelpRequest request = new NewHelpRequest(kind.getValue(), contactName.getValue(), email.getValue(), phone.getValue(),
                    region.getValue().code(), schoolLevel.getValue(), problemAreas.getValue(), language.getValue(), urgency.getValue(),
                    meetingDate.getValue(), school.getValue(), place.getValue(), question.getValue(), consent.getValue(),
                    correspondence.getValue());
            HelpRequestId id = mode == Mode.PUBLIC ? helpRequests.submit(request, submissionKey)
                    : helpRequests.register(request, channel.getValue(), submissionKey);
            onSubmitted.accept(id, kind.getValue());
        } catch (TranslatableException e) {
            Notifications.error(e);
        } finally {
            submit.setEnabled(true);
        }
    }
}
