package nl.steunpunt.buddy.ui.offboarding;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import nl.steunpunt.buddy.matching.BuddyDeparture;

/** What a coordinator needs to know of a leaving buddy: who, why, since when, how many matches she still holds. */
class DepartureCaseFile extends VerticalLayout {

    DepartureCaseFile(BuddyDeparture departure, ZoneId zone) {
        setPadding(false);
        setId("departure-case-file");
        String since = DateTimeFormatter.ofPattern("d-M-yyyy").format(departure.announcedAt().atZone(zone));
        add(new Paragraph(getTranslation("departure.summary", departure.name(), departure.reference(),
                getTranslation("departure.reason." + departure.reason().name()), since, departure.activeMatchIds().size())));
        departure.exitHeldOn().ifPresent(on -> add(new Paragraph(getTranslation("departure.exit-held", on.toString()))));
    }
}
