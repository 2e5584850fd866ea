package nl.steunpunt.buddy.ui.recruitment;

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

import nl.steunpunt.buddy.recruitment.ApplicationDetails;

/** An application's case file, read-only. */
class ApplicationCaseFile extends Composite<VerticalLayout> {

    ApplicationCaseFile(ApplicationDetails details, ZoneId zone) {
        VerticalLayout root = getContent();
        root.setId("case-file");
        root.setPadding(false);
        root.add(new H3(getTranslation("application.case-file", details.reference())));
        FormLayout fields = new FormLayout();
        fields.addFormItem(value(details.fullName()), getTranslation("application.name"));
        fields.addFormItem(value(details.email()), getTranslation("application.email"));
        fields.addFormItem(value(details.phone() == null ? "—" : details.phone()), getTranslation("application.phone"));
        fields.addFormItem(value(getTranslation("application.status." + details.status().name())), getTranslation("application.status"));
        fields.addFormItem(value(translated("school-level.", details.schoolLevels())), getTranslation("application.school-levels"));
        fields.addFormItem(value(translated("problem-area.", details.problemAreas())), getTranslation("application.problem-areas"));
        fields.addFormItem(value(String.join(", ", details.languages())), getTranslation("application.languages"));
        fields.addFormItem(value(String.valueOf(details.hoursPerWeek())), getTranslation("application.hours"));
        fields.addFormItem(value(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .format(details.submittedAt().atZone(zone))), getTranslation("application.submitted"));
        root.add(fields);
        Div motivation = new Div(new Span(details.motivation()));
        motivation.getStyle().set("white-space", "pre-wrap");
        root.add(new H3(getTranslation("application.motivation")), motivation);
        details.screeningNote().ifPresent(note -> root.add(new H3(getTranslation("application.screening-note")), new Span(note)));
        details.intakePlannedAt().ifPresent(at -> root.add(new H3(getTranslation("application.intake-planned")),
                new Span(getTranslation("application.intake-planned.value",
                        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale()).format(at),
                        details.intakePlace().orElse("")))));
        details.intakeNotes().ifPresent(note -> root.add(new H3(getTranslation("application.intake-notes")), new Span(note)));
        if (!details.assessment().isEmpty()) {
            root.add(new H3(getTranslation("application.assessment")));
            details.assessment().forEach(score -> root.add(new Span(getTranslation("application.assessment.line",
                    getTranslation("competence." + score.competence().name()), getTranslation("assessment.score." + score.score()),
                    score.remark() == null ? "" : score.remark()))));
        }
        details.advice().ifPresent(advice -> root.add(new H3(getTranslation("application.advice")),
                new Span(getTranslation("decision." + advice.name()) + " — "
                        + getTranslation("advice-reason." + details.adviceReason().orElse("NONE")))));
        details.decision().ifPresent(decision -> {
            root.add(new H3(getTranslation("application.decision")), new Span(getTranslation("decision." + decision.name())
                    + details.decisionReason().map(r -> " — " + r).orElse("")));
            details.overrideReason().ifPresent(why -> root.add(new Span(getTranslation("application.override", why))));
        });
        if (!details.vogRecords().isEmpty()) {
            root.add(new H3(getTranslation("application.vog")));
            details.vogRecords().forEach(vog -> root.add(new Span(getTranslation("application.vog.line",
                    vog.seenOn().toString(), vog.seenBy(), vog.certificateDate().toString(),
                    getTranslation(vog.valid() ? "vog.valid" : "vog.invalid")))));
        }
        details.withdrawalReason().ifPresent(why -> root.add(new H3(getTranslation("application.withdrawn")), new Span(why)));
    }

    private String translated(String prefix, Collection<? extends Enum<?>> values) {
        return values.stream().map(v -> getTranslation(prefix + v.name())).collect(Collectors.joining(", "));
    }

    private static Span value(String text) {
        return new Span(text);
    }
}
