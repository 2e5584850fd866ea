package nl.steunpunt.buddy.ui;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.workflow.SupportEnded;

/** Records every announcement that support of a match ended, so tests can count them. */
@Component
public class SupportEvents {

    private final List<SupportEnded> ended = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SupportEnded event) {
        ended.add(event);
    }

    public List<SupportEnded> ended(UUID matchId) {
        return ended.stream().filter(e -> e.matchId().equals(matchId)).toList();
    }
}
