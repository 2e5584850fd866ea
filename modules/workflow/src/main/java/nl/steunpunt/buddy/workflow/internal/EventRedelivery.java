package nl.steunpunt.buddy.workflow.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again every event whose listener failed (the registry keeps it), so that a step that
 * arrived too early for its process, or during a database hiccup, is not lost until a restart.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final Duration minimumAge;

    EventRedelivery(IncompleteEventPublications incomplete,
            @Value("${buddy.events.redeliver-older-than:PT10S}") Duration minimumAge) {
        this.incomplete = incomplete;
        this.minimumAge = minimumAge;
    }

    @Scheduled(fixedDelayString = "${buddy.events.redelivery-interval:PT15S}",
            initialDelayString = "${buddy.events.redelivery-interval:PT15S}")
    void redeliver() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(minimumAge);
        } catch (RuntimeException e) {
            log.warn("Redelivering incomplete events failed; trying again at the next interval", e);
        }
    }
}
