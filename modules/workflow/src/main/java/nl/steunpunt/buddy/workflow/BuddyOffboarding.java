package nl.steunpunt.buddy.workflow;

import java.util.UUID;

import nl.steunpunt.buddy.matching.DepartureReason;
import nl.steunpunt.buddy.recruitment.ApplicationId;

/**
 * A buddy leaves: the coordinator announces it, which starts the offboarding (exit conversation and
 * one hand-over task per active match, then the buddy's record is archived). Every method checks
 * the acting coordinator.
 */
public interface BuddyOffboarding {

    /** The buddy stops: she is no longer proposed and the offboarding starts. */
    void start(ApplicationId buddy, DepartureReason reason);

    /** The match a hand-over task is about. */
    UUID matchOf(String handOverTaskId);

    /**
     * Ends a leaving buddy's match instead of handing it over (reason: the buddy stops): the match is
     * ending, its support process ends early and its closure follows. Run it as the domain action of
     * the hand-over task's completion; a hand-over itself is {@code BuddyDepartures.handOver}, whose
     * event moves the match's open buddy tasks to the new buddy.
     */
    void endMatch(UUID match, String note);
}
