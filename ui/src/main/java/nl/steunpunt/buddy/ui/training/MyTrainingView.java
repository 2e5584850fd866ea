package nl.steunpunt.buddy.ui.training;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.training.TrainingSession;

/** The buddy's own training status and her upcoming sessions. */
@Route("mijn-scholing")
@RolesAllowed("BUDDY")
@Menu(order = 5, title = "menu.my-training")
public class MyTrainingView extends VerticalLayout implements HasDynamicTitle {

    public MyTrainingView(Training training, Clock clock) {
        add(new H2(getTranslation("my-training.title")));
        var me = training.mine();
        if (me.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("my-training.none"));
            none.setId("my-training-status");
            add(none);
            return;
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        Paragraph status = new Paragraph(getTranslation("my-training.status", getTranslation("training.status." + me.get().status().name()),
                me.get().modulesAttended(), me.get().modulesRequired(),
                me.get().refresherDue().map(date::format).orElse("—")));
        status.setId("my-training-status");
        add(status, new H3(getTranslation("my-training.sessions")));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        var sessions = training.mySessions();
        if (sessions.isEmpty()) {
            add(new Paragraph(getTranslation("my-training.no-sessions")));
        }
        for (TrainingSession session : sessions) {
            add(new Paragraph(getTranslation("my-training.session", format.format(session.startsAt().atZone(clock.getZone())),
                    session.location(), session.moduleCodes().stream().map(c -> Labels.of(this, "module." + c, c)).collect(Collectors.joining(", ")))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-training.title") + " · " + getTranslation("app.name");
    }
}
