package nl.steunpunt.buddy.ui.intervisie;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.UpcomingSession;

/** The buddy's upcoming intervisie and exchange sessions of her own groups: when, where, which group. */
@Route("mijn-intervisie")
@RolesAllowed("BUDDY")
@Menu(order = 6.5, title = "menu.my-intervisie")
public class MyIntervisieView extends VerticalLayout implements HasDynamicTitle {

    public MyIntervisieView(Intervisie intervisie, Clock clock) {
        setMaxWidth("60em");
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale());
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale());
        add(new H2(getTranslation("my-intervisie.title")), new Paragraph(getTranslation("my-intervisie.explain")));
        List<UpcomingSession> sessions = intervisie.mySessions();
        if (sessions.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("my-intervisie.none"));
            none.setId("my-intervisie-none");
            add(none);
            return;
        }
        Grid<UpcomingSession> grid = new Grid<>();
        grid.setId("my-intervisie");
        grid.addColumn(s -> day.format(s.startsAt().atZone(clock.getZone()))).setKey("day").setHeader(getTranslation("intervisie.session.day"));
        grid.addColumn(s -> time.format(s.startsAt().atZone(clock.getZone())) + "–" + time.format(s.endsAt().atZone(clock.getZone())))
                .setKey("time").setHeader(getTranslation("my-intervisie.time"));
        grid.addColumn(UpcomingSession::location).setKey("location").setHeader(getTranslation("intervisie.session.location"));
        grid.addColumn(s -> s.groupName() + " (" + getTranslation("intervisie.kind." + s.kind().name()) + ")").setKey("group")
                .setHeader(getTranslation("my-intervisie.group"));
        grid.setAllRowsVisible(true);
        grid.setItems(sessions);
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-intervisie.title") + " · " + getTranslation("app.name");
    }
}
