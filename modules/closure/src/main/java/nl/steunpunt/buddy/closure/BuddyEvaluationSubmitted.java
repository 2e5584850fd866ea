package nl.steunpunt.buddy.closure;

import java.util.UUID;

import nl.steunpunt.buddy.shared.RegionCode;

/** The buddy evaluated her ended match (or changed her evaluation); IDs and scores only, never her comment. */
public record BuddyEvaluationSubmitted(UUID matchId, RegionCode region, BuddyScores scores) {
}
