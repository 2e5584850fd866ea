package nl.steunpunt.buddy.notification.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code buddy.mail.delivery.poll-interval} (30 s) sends the queued mails that no delivery holds a lease
 * on; off with {@code buddy.mail.delivery.poller-enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "buddy.mail.delivery.poller-enabled", havingValue = "true", matchIfMissing = true)
class MailDeliveryPoller {

    private final MailDelivery delivery;

    MailDeliveryPoller(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(initialDelayString = "${buddy.mail.delivery.poll-interval:PT30S}",
            fixedDelayString = "${buddy.mail.delivery.poll-interval:PT30S}")
    void deliverDue() {
        delivery.deliverDue();
    }
}
