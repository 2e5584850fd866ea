package nl.steunpunt.buddy.ui.admin;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.notification.Mailer;
import nl.steunpunt.buddy.notification.SentMail;

/** Every mail the application sent, newest first; in the demo they all went to the embedded SMTP catcher. */
@Route("beheer/uitgaande-mail")
@RolesAllowed("ADMIN")
@Menu(order = 20, title = "menu.outbox")
public class OutboxView extends VerticalLayout implements HasDynamicTitle {

    public OutboxView(Mailer mailer, Clock clock) {
        setSizeFull();
        Grid<SentMail> grid = new Grid<>();
        grid.setId("outbox-grid");
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.addColumn(m -> format.format(m.sentAt().atZone(clock.getZone()))).setKey("sent").setHeader(getTranslation("outbox.sent")).setAutoWidth(true);
        grid.addColumn(SentMail::to).setKey("to").setHeader(getTranslation("outbox.to")).setAutoWidth(true);
        grid.addColumn(SentMail::subject).setKey("subject").setHeader(getTranslation("outbox.subject")).setFlexGrow(1);
        grid.addColumn(SentMail::caseReference).setKey("case").setHeader(getTranslation("inbox.column.case")).setAutoWidth(true);
        grid.setItems(q -> mailer.recent(q.getOffset(), q.getLimit()).stream(), q -> (int) Math.min(Integer.MAX_VALUE, mailer.count()));
        Pre body = new Pre();
        body.setId("outbox-body");
        body.getStyle().set("white-space", "pre-wrap");
        grid.asSingleSelect().addValueChangeListener(e -> body.setText(e.getValue() == null ? "" : e.getValue().body()));
        add(new H2(getTranslation("outbox.title")), grid, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title") + " · " + getTranslation("app.name");
    }
}
