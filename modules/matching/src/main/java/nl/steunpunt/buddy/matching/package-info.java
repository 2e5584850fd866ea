/**
 * Help requests and matching (hulpvraag en koppeling). {@link nl.steunpunt.buddy.matching.HelpRequests}
 * holds the requests (public form, registration, case file with view log, intake, withdrawal);
 * {@link nl.steunpunt.buddy.matching.Matchmaking} the pool of certified buddies, ranked and
 * explained candidates, proposals and answers within each buddy's capacity, the match itself and
 * the waiting list with its optimal batch proposal. The {@link nl.steunpunt.buddy.matching.MatchingEngine}
 * is pure: hard rules that exclude a buddy (with the reason), weighted criteria whose contributions
 * add up to an explained score, a ranking per request and an optimal assignment for a waiting list.
 */
@ApplicationModule(allowedDependencies = { "shared", "recruitment", "training" })
package nl.steunpunt.buddy.matching;

import org.springframework.modulith.ApplicationModule;
