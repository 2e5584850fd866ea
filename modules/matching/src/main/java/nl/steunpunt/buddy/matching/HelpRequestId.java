package nl.steunpunt.buddy.matching;

import java.util.Objects;
import java.util.UUID;

/** The identity of a help request (hulpvraag). */
public record HelpRequestId(UUID value) {

    public HelpRequestId {
        Objects.requireNonNull(value, "help request id");
    }

    public static HelpRequestId of(String value) {
        return new HelpRequestId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
