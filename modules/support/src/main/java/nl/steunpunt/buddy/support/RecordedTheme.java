package nl.steunpunt.buddy.support;

/** A signal theme as a log line recorded it: its code and its name at the time. */
public record RecordedTheme(String code, String name) {
}
