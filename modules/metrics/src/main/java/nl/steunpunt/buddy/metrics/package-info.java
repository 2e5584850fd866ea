/**
 * Process metrics for managers. A read model holds per lifecycle (application, help request and its
 * match, task, parent's and buddy's evaluation, intervisie session and its themes, signalled theme)
 * its region and the dates of its milestones: IDs, codes, dates and scores only, never a name or
 * contact detail. It is kept up to date from the modules' events and the engine's task events, and
 * {@link nl.steunpunt.buddy.metrics.MetricsRebuild} refills it from the modules' tables and the
 * engine's history. {@link nl.steunpunt.buddy.metrics.MetricsDashboard} computes the manager's
 * figures from it, counts below five suppressed.
 */
@ApplicationModule(allowedDependencies = { "shared", "recruitment", "training", "matching", "support", "intervisie", "closure",
        "workflow" })
package nl.steunpunt.buddy.metrics;

import org.springframework.modulith.ApplicationModule;
