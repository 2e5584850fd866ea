package nl.steunpunt.buddy.ui.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.VaadinRequest;

import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;

/**
 * Limits how often the public forms (help request, application, withdrawal, evaluation) may be
 * submitted without signing in: per client address within a sliding window, and in total, so a
 * script cannot flood the coordinators' inboxes. Signed-in staff are not limited. The refusal is a
 * translated message; nothing is saved.
 */
@Component
public class PublicFormLimiter {

    /** Addresses remembered at most; the oldest are forgotten first. */
    private static final int MAX_ADDRESSES = 10_000;

    private final CurrentActor currentActor;
    private final Clock clock;
    private final int perAddress;
    private final int total;
    private final Duration window;
    private final Map<String, Deque<Instant>> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };
    private final Deque<Instant> all = new ArrayDeque<>();

    PublicFormLimiter(CurrentActor currentActor, Clock clock, @Value("${buddy.public-forms.per-address:10}") int perAddress,
            @Value("${buddy.public-forms.total:500}") int total, @Value("${buddy.public-forms.window:PT1H}") Duration window) {
        this.currentActor = currentActor;
        this.clock = clock;
        this.perAddress = perAddress;
        this.total = total;
        this.window = window;
    }

    /** Counts one submission of a visitor; refuses it when her address or everyone together went over the limit. */
    public void check() {
        if (currentActor.current().isPresent()) {
            return;
        }
        String address = Optional.ofNullable(VaadinRequest.getCurrent()).map(VaadinRequest::getRemoteAddr).orElse("-");
        Instant now = clock.instant();
        Instant since = now.minus(window);
        synchronized (this) {
            Deque<Instant> mine = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
            prune(mine, since);
            prune(all, since);
            if (mine.size() >= perAddress || all.size() >= total) {
                throw new InvalidInputException("error.public.too-many");
            }
            mine.addLast(now);
            all.addLast(now);
        }
    }

    private static void prune(Deque<Instant> times, Instant since) {
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
    }
}
