package nl.steunpunt.buddy.matching;

/** A buddy excluded from a request, with the first hard rule she breaks. */
public record Exclusion(String buddyId, HardRule rule) {
}
