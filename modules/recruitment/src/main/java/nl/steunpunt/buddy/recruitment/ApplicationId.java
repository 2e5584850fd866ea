package nl.steunpunt.buddy.recruitment;

import java.util.Objects;
import java.util.UUID;

/** The technical, stable ID of a buddy application. */
public record ApplicationId(UUID value) {

    public ApplicationId {
        Objects.requireNonNull(value, "application id");
    }

    public static ApplicationId of(String value) {
        return new ApplicationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
