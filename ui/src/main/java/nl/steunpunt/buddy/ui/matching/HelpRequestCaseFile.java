package nl.steunpunt.buddy.ui.matching;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import nl.steunpunt.buddy.matching.HelpRequestDetails;
import nl.steunpunt.buddy.ui.base.Languages;

/** A help request's case file, read-only, as a coordinator of its region sees it. */
public class HelpRequestCaseFile extends Composite<VerticalLayout> {

    public HelpRequestCaseFile(HelpRequestDetails d, ZoneId zone) {
        VerticalLayout root = getContent();
        root.setId("case-file");
        root.setPadding(false);
        root.add(new H3(getTranslation("help-request.case-file", d.reference())));
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        FormLayout fields = new FormLayout();
        fields.addFormItem(new Span(getTranslation("help-request.kind." + d.kind().name())), getTranslation("help-request.kind"));
        fields.addFormItem(new Span(d.contactName()), getTranslation("help-request.contact-name"));
        fields.addFormItem(new Span(d.email().orElse("—")), getTranslation("application.email"));
        fields.addFormItem(new Span(d.phone().orElse("—")), getTranslation("application.phone"));
        fields.addFormItem(new Span(getTranslation("help-request.status." + d.status().name())), getTranslation("help-request.status"));
        fields.addFormItem(new Span(getTranslation("school-level." + d.schoolLevel().name())), getTranslation("help-request.school-level"));
        fields.addFormItem(new Span(translated("problem-area.", d.problemAreas())), getTranslation("help-request.problem-areas"));
        fields.addFormItem(new Span(Languages.name(d.preferredLanguage(), getLocale())), getTranslation("help-request.language"));
        fields.addFormItem(new Span(getTranslation("urgency." + d.urgency().name())), getTranslation("help-request.urgency"));
        fields.addFormItem(new Span(d.schoolMeetingOn().map(date::format).orElse("—")), getTranslation("help-request.school-meeting"));
        fields.addFormItem(new Span(d.school().orElse("—")), getTranslation("help-request.school"));
        fields.addFormItem(new Span(d.place().orElse("—")), getTranslation("help-request.place"));
        fields.addFormItem(new Span(getTranslation("channel." + d.channel().name())), getTranslation("help-request.channel"));
        fields.addFormItem(new Span(dateTime.format(d.submittedAt().atZone(zone))), getTranslation("help-request.submitted"));
        d.waitingSince().ifPresent(since -> fields.addFormItem(new Span(dateTime.format(since.atZone(zone))),
                getTranslation("help-request.waiting-since")));
        root.add(fields);
        Div question = new Div(new Span(d.question()));
        question.getStyle().set("white-space", "pre-wrap");
        question.setId("help-request-question");
        root.add(new H3(getTranslation("help-request.question")), question);
        d.intakeNote().ifPresent(note -> root.add(new H3(getTranslation("help-request.intake-note")), new Span(note)));
        d.withdrawalReason().ifPresent(why -> root.add(new H3(getTranslation("help-request.withdrawn")), new Span(why)));
    }

    private String translated(String prefix, Collection<? extends Enum<?>> values) {
        return values.stream().map(v -> getTranslation(prefix + v.name())).collect(Collectors.joining(", "));
    }
}
