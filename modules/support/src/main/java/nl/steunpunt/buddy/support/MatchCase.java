package nl.steunpunt.buddy.support;

import java.util.List;

import nl.steunpunt.buddy.matching.MatchFacts;

/**
 * The support records of one match as the reader may see them. {@code ownBuddy} when she is the
 * match's buddy; {@code active} while the match is active (only then can anything be added).
 */
public record MatchCase(MatchFacts facts, boolean ownBuddy, boolean active, List<SchoolMeeting> meetings, List<Concern> concerns,
        List<CheckIn> checkIns, List<Review> reviews, List<Extension> extensions) {
}
