package nl.steunpunt.buddy.ui.support;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import nl.steunpunt.buddy.support.CheckIn;
import nl.steunpunt.buddy.support.Concern;
import nl.steunpunt.buddy.support.Extension;
import nl.steunpunt.buddy.support.MatchCase;
import nl.steunpunt.buddy.support.Review;
import nl.steunpunt.buddy.support.SchoolMeeting;

/**
 * The support records of a match: school meetings, concerns, and — for coordinators — check-ins,
 * reviews and extensions. Each section is a list of lines with an ID, so screens and tests find them.
 */
public class SupportCasePanel extends Composite<VerticalLayout> {

    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    public SupportCasePanel(MatchCase matchCase, ZoneId zone) {
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setId("support-case");
        root.add(section("support-meetings", "support.meetings", matchCase.meetings(), this::meeting));
        root.add(section("support-concerns", "support.concerns", matchCase.concerns(), this::concern));
        if (!matchCase.ownBuddy()) {
            root.add(section("support-check-ins", "support.check-ins", matchCase.checkIns(), this::checkIn));
            root.add(section("support-reviews", "support.reviews", matchCase.reviews(), this::review));
            root.add(section("support-extensions", "support.extensions", matchCase.extensions(), this::extension));
        }
    }

    private <T> VerticalLayout section(String id, String titleKey, List<T> items, Function<T, String> line) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setSpacing(false);
        section.setId(id);
        section.add(new H3(getTranslation(titleKey)));
        if (items.isEmpty()) {
            section.add(new Span(getTranslation("support.none")));
        }
        items.forEach(item -> section.add(block(line.apply(item))));
        return section;
    }

    private static Component block(String text) {
        Span span = new Span(text);
        span.getStyle().set("display", "block");
        return span;
    }

    public String meeting(SchoolMeeting m) {
        String line = getTranslation("support.meeting.line", dateTime.format(m.startsAt().atZone(zone)),
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale()).format(m.endsAt().atZone(zone)), m.school(),
                getTranslation("meeting.status." + m.status().name()));
        StringBuilder text = new StringBuilder(line);
        m.purpose().ifPresent(p -> text.append(" — ").append(p));
        m.preparationNote().ifPresent(p -> text.append(" · ").append(getTranslation("support.meeting.prepared", p)));
        m.tookPlace().ifPresent(held -> text.append(" · ").append(getTranslation("support.meeting.followed-up",
                getTranslation(held ? "support.yes" : "support.no"),
                getTranslation(m.messageSent().orElse(false) ? "support.yes" : "support.no"), m.followUpNote().orElse("—"))));
        return text.toString();
    }

    private String concern(Concern c) {
        String line = getTranslation("support.concern.line", dateTime.format(c.raisedAt().atZone(zone)),
                getTranslation("concern.urgency." + c.urgency().name()), c.text());
        if (c.handled()) {
            line += " · " + getTranslation("support.concern.handled", c.outcome().orElse("—"), c.action().orElse("—"));
        }
        return line;
    }

    private String checkIn(CheckIn c) {
        return getTranslation("support.check-in.line", date.format(c.heldOn()), getTranslation("check-in.going." + c.going().name()),
                c.notes().orElse("—"), c.followUp().orElse("—"));
    }

    private String review(Review r) {
        return getTranslation("support.review.line", date.format(r.decidedOn()), getTranslation("review.decision." + r.decision().name()),
                r.closureReason().map(reason -> getTranslation("closure.reason." + reason.name())).orElse("—"), r.reason().orElse("—"));
    }

    private String extension(Extension e) {
        return getTranslation("support.extension.line", e.number(), date.format(e.extendedOn()), date.format(e.until()));
    }
}
