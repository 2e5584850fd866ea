package nl.steunpunt.buddy.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.MatchActivated;

/** Records what matching announces and nobody in the app listens to yet, so tests can see it. */
@Component
public class MatchingEvents {

    private final List<MatchActivated> activated = new CopyOnWriteArrayList<>();

    @EventListener
    void on(MatchActivated event) {
        activated.add(event);
    }

    public List<MatchActivated> activated(HelpRequestId request) {
        return activated.stream().filter(e -> e.request().equals(request)).toList();
    }
}
