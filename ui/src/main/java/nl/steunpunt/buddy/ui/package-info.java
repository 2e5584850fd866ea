/**
 * The screens of every role, security and wiring. It may use every module's API; no module uses it.
 */
@ApplicationModule(allowedDependencies = { "shared", "recruitment", "training", "notification", "workflow", "processes", "matching", "support",
        "metrics", "intervisie", "closure", "audit" })
package nl.steunpunt.buddy.ui;

import org.springframework.modulith.ApplicationModule;
