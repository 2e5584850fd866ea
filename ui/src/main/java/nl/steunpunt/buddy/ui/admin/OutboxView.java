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

/**
 * Every mail of the outbox, newest first, with where its delivery is: queued (waiting for the SMTP server),
 * sent, or failed after the last attempt (with the server's answer); in the demo they all go to the embedded
 * SMTP catcher.
 */
@Route("beheer/uitgaande-mail")
@RolesAllowed("ADMIN")
@Menu(order = 20, title = "menu.outbox")
public class OutboxView extends VerticalLayout implements HasDynamicTitle {

    public OutboxView(Mailer mailer, Clock clock) {
        setSizeFull();
        Grid<SentMail> grid = new Grid<>();
        grid.setId("outbox-grid");
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.addColumn(m -> format.format(m.queuedAt().atZone(clock.getZone()))).setKey("queued").setHeader(getTranslation("outbox.queued")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation("outbox.status." + m.status().name())).setKey("status").setHeader(getTranslation("outbox.status")).setAutoWidth(true);
        grid.addColumn(m -> m.sentAt() == null ? "" : format.format(m.sentAt().atZone(clock.getZone()))).setKey("sent").setHeader(getTranslation("outbox.sent")).setAutoWidth(true);
        grid.addColumn(SentMail::to).setKey("to").setHeader(getTranslation("outbox.to")).setAutoWidth(true);
        grid.addColumn(SentMail::subject).setKey("subject").setHeader(getTranslation("outbox.subject")).setFlexGrow(1);
        grid.addColumn(SentMail::caseReference).setKey("case").setHeader(getTranslation("inbox.column.case")).setAutoWidth(true);
        grid.setItems(q -> mailer.recent(q.getOffset(), q.getLimit()).stream(), q -> (int) Math.min(Integer.MAX_VALUE, mailer.count()));
        Pre body = new Pre();
        body.setId("outbox-body");
        body.getStyle().set("white-space", "pre-wrap");
        grid.asSingleSelect().addValueChangeListener(e -> body.setText(e.getValue() == null ? "" : details(e.getValue())));
        add(new H2(getTranslation("outbox.title")), grid, body);
    }

    private String details(SentMail mail) {
        if (mail.lastError() == null) {
            return mail.body();
        }
        return getTranslation("outbox.last-error", mail.attempts(), mail.lastError()) + "\n\n" + mail.body();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title") + " · " + getTranslation("app.name");
    }
}
