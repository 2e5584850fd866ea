package nl.steunpunt.buddy.intervisie.internal;

import java.util.UUID;

/** A session was planned, moved or cancelled: its members are told by mail, after the change is saved. */
public record SessionChanged(UUID sessionId, Change change) {

    public enum Change {
        PLANNED,
        MOVED,
        CANCELLED
    }
}
