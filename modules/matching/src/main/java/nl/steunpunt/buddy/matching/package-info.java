/**
 * Help requests and matching (hulpvraag en koppeling). This first part is the matching engine:
 * hard rules that exclude a buddy (with the reason), weighted criteria whose contributions add up
 * to an explained score, a ranking per request and an optimal assignment for a whole waiting list.
 * The engine is pure: it ranks the profiles it is given and stores nothing.
 */
@ApplicationModule(allowedDependencies = "shared")
package nl.steunpunt.buddy.matching;

import org.springframework.modulith.ApplicationModule;
