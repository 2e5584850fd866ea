/**
 * Intervisie and exchange meetings (uitwisseling): groups of certified buddies of a region from
 * the matching pool, led by the region's facilitators; their sessions (planned every 6–8 weeks for
 * intervisie, moved, cancelled, held), the invitations mailed to the members, attendance per member,
 * the anonymised themes of each session (signal theme codes only) and the missed-twice rule, with
 * the coordinators' check-ins. Region coordinators read; a buddy sees her own upcoming sessions.
 * The themes feed the signalen report as a {@link nl.steunpunt.buddy.support.SignalSource}.
 */
@ApplicationModule(allowedDependencies = { "shared", "notification", "recruitment", "training", "support" })
package nl.steunpunt.buddy.intervisie;

import org.springframework.modulith.ApplicationModule;
