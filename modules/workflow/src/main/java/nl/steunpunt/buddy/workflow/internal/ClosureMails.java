package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.ParentLink;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.HelpRequests.RequesterContact;
import nl.steunpunt.buddy.notification.Mail;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.Mailer;

/**
 * The requester's evaluation mail: a personal link, and a reminder with another link that expires
 * with the first. A request without an e-mail address gets no mail: its coordinator passes a link on.
 */
@Component
class ClosureMails {

    private final Closures closures;
    private final HelpRequests requests;
    private final Mailer mailer;
    private final ClosureDeadlines deadlines;
    private final Clock clock;
    private final String publicUrl;

    ClosureMails(Closures closures, HelpRequests requests, Mailer mailer, ClosureDeadlines deadlines, Clock clock,
            @Value("${buddy.public-url:http://localhost:8080}") String publicUrl) {
        this.closures = closures;
        this.requests = requests;
        this.mailer = mailer;
        this.deadlines = deadlines;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The path of the public evaluation page for a token. */
    static String path(String token) {
        return "/evaluatie/" + token;
    }

    void sendLink(UUID matchId, HelpRequestId request, String regionCode) {
        ParentLink link = closures.issueParentLink(matchId, deadlines.evaluationLinkExpiry(regionCode));
        send(request, link, MailTemplate.PARENT_EVALUATION_LINK);
    }

    void remind(UUID matchId, HelpRequestId request) {
        closures.reissueParentLink(matchId).ifPresent(link -> send(request, link, MailTemplate.PARENT_EVALUATION_REMINDER));
    }

    private void send(HelpRequestId request, ParentLink link, MailTemplate template) {
        RequesterContact contact = requests.contact(request).orElse(null);
        if (contact == null || contact.email().isEmpty()) {
            return;
        }
        mailer.send(new Mail(contact.email().get(), contact.locale(), template, Map.of("name", contact.name(), "reference",
                contact.reference(), "link", publicUrl + path(link.token()), "expiresOn", date(link.expiresAt(), contact)),
                contact.reference()));
    }

    private String date(Instant instant, RequesterContact contact) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(contact.locale()).format(instant.atZone(clock.getZone()));
    }
}
