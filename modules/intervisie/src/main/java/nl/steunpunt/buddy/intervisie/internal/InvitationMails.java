package nl.steunpunt.buddy.intervisie.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.notification.Mail;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.Mailer;
import nl.steunpunt.buddy.recruitment.ApplicantContact;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;

/**
 * Mails every member of the group when a session is planned, moved or cancelled, in her own
 * language, through the notification module's outbox. Runs after the change is committed; a mail
 * that fails is tried again with the event.
 */
@Component
class InvitationMails {

    private final JdbcClient db;
    private final Applications applications;
    private final Mailer mailer;
    private final Clock clock;

    InvitationMails(JdbcClient db, Applications applications, Mailer mailer, Clock clock) {
        this.db = db;
        this.applications = applications;
        this.mailer = mailer;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(SessionChanged event) {
        record Session(String reference, String group, ZonedDateTime start, ZonedDateTime end, String location) {
        }
        Session session = db.sql("SELECT g.reference, g.name, s.starts_at, s.ends_at, s.location FROM intervisie_session s "
                + "JOIN intervisie_group g ON g.id = s.group_id WHERE s.id = ?").param(event.sessionId())
                .query((rs, n) -> new Session(rs.getString(1), rs.getString(2), zoned(rs.getTimestamp(3)), zoned(rs.getTimestamp(4)),
                        rs.getString(5)))
                .single();
        List<UUID> members = db.sql("SELECT m.buddy_id FROM intervisie_session s JOIN intervisie_member m ON m.group_id = s.group_id "
                + "WHERE s.id = ? ORDER BY m.buddy_id").param(event.sessionId()).query(UUID.class).list();
        MailTemplate template = switch (event.change()) {
            case PLANNED -> MailTemplate.INTERVISIE_INVITATION;
            case MOVED -> MailTemplate.INTERVISIE_MOVED;
            case CANCELLED -> MailTemplate.INTERVISIE_CANCELLED;
        };
        for (UUID member : members) {
            ApplicantContact contact = applications.contact(new ApplicationId(member));
            Locale locale = contact.language();
            DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
            mailer.send(new Mail(contact.email(), locale, template, Map.of("name", contact.firstName(), "reference", session.reference(),
                    "group", session.group(), "date", date.format(session.start()),
                    "time", time.format(session.start()) + "–" + time.format(session.end()), "place", session.location()),
                    session.reference()));
        }
    }

    private ZonedDateTime zoned(Timestamp timestamp) {
        return timestamp.toInstant().atZone(clock.getZone());
    }
}
