package nl.steunpunt.buddy.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.CapacityAvailable;

/** Records the places that came free, so closure tests can see the buddy back in the pool. */
@Component
public class ClosureEvents {

    private final List<CapacityAvailable> capacity = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CapacityAvailable event) {
        capacity.add(event);
    }

    public List<CapacityAvailable> capacity() {
        return List.copyOf(capacity);
    }
}
