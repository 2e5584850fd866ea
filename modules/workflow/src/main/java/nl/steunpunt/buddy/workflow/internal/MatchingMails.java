package nl.steunpunt.buddy.workflow.internal;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.BuddyProposed;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequested;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.HelpRequests.RequesterContact;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.notification.Mail;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.Mailer;
import nl.steunpunt.buddy.recruitment.ApplicantContact;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.training.Training;

/**
 * The mail of hulpvraag en koppeling: the requester's confirmation with her personal withdrawal
 * link, the buddy's notice of a proposal (no details of the requester) and the first-contact
 * reminder. Links point at {@code buddy.public-url}.
 */
@Component
class MatchingMails {

    private final HelpRequests requests;
    private final Applications applications;
    private final Training training;
    private final Mailer mailer;
    private final SideEffectLedger ledger;
    private final String publicUrl;

    MatchingMails(HelpRequests requests, Applications applications, Training training, Mailer mailer, SideEffectLedger ledger,
            @Value("${buddy.public-url:http://localhost:8080}") String publicUrl) {
        this.ledger = ledger;
        this.requests = requests;
        this.applications = applications;
        this.training = training;
        this.mailer = mailer;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Once per request, also when the event is delivered again (a redelivery, or another node's). */
    @ApplicationModuleListener
    void on(HelpRequested event) {
        ledger.once("event:HelpRequested:" + event.request() + ":mail", event.reference(),
                () -> requests.contact(event.request()).ifPresent(this::confirm));
    }

    private void confirm(RequesterContact contact) {
        if (contact.email().isEmpty()) {
            return;
        }
        MailTemplate template = contact.kind() == RequesterKind.YOUTH ? MailTemplate.HELP_REQUEST_RECEIVED_YOUTH
                : MailTemplate.HELP_REQUEST_RECEIVED;
        mailer.send(new Mail(contact.email().get(), contact.locale(), template, Map.of("name", contact.name(), "reference",
                contact.reference(), "withdrawLink", publicUrl + "/hulpvraag/intrekken/" + contact.withdrawToken()), contact.reference()));
    }

    @ApplicationModuleListener
    void on(BuddyProposed event) {
        String reference = requests.contact(event.request()).map(RequesterContact::reference).orElse("");
        toBuddy(event.buddy(), MailTemplate.PROPOSAL_FOR_BUDDY, reference);
    }

    void remindFirstContact(HelpRequestId request, String buddyUserId) {
        String reference = requests.contact(request).map(RequesterContact::reference).orElse("");
        training.buddyOfAccount(buddyUserId).ifPresent(buddy -> toBuddy(buddy, MailTemplate.FIRST_CONTACT_REMINDER, reference));
    }

    private void toBuddy(ApplicationId buddy, MailTemplate template, String reference) {
        ApplicantContact contact = applications.contact(buddy);
        mailer.send(new Mail(contact.email(), contact.language(), template,
                Map.of("name", contact.firstName(), "reference", reference, "link", publicUrl + "/mijn-koppelingen"), reference));
    }
}
