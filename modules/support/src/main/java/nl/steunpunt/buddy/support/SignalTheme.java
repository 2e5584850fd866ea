package nl.steunpunt.buddy.support;

/** A theme a buddy can signal in her contact log (e.g. thuiszitten, wachtlijst jeugdzorg). */
public record SignalTheme(String code, String name, boolean active) {
}
