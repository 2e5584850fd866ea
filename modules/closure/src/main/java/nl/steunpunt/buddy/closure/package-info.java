/**
 * Closure (afsluiting) of a match: the coordinator's closing conversation, the parent's evaluation
 * through a personal, expiring, single-use link (only a hash of its token is kept), the buddy's own
 * evaluation, and the appreciation of the buddy (thanks, yearly meeting, expenses). The region's
 * coordinators read a closure, the buddy only her own evaluation, the parent only through her link.
 * When the retention period is over its free texts are anonymised; scores and dates stay.
 */
@ApplicationModule(allowedDependencies = { "shared", "recruitment", "training", "matching" })
package nl.steunpunt.buddy.closure;

import org.springframework.modulith.ApplicationModule;
