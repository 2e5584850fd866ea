/**
 * Audit: the append-only log of every view and every change of a case file (help request, match,
 * buddy application, contact log, support case, closure, intervisie group): who, in which roles and
 * regions, what, on which case and when. The domain modules write to it through the shared
 * {@link nl.steunpunt.buddy.shared.AuditTrail} inside their own transactions and never depend on this
 * module; the database refuses every update or deletion of an entry. Administrators search it.
 */
@ApplicationModule(allowedDependencies = "shared")
package nl.steunpunt.buddy.audit;

import org.springframework.modulith.ApplicationModule;
