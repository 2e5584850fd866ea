/**
 * All Camunda glue: the engine's configuration, the delegates the BPMN models call, the listeners
 * that start processes from domain events, and the work-item API through which screens list,
 * claim and complete tasks. Region scoping of tasks is enforced here, for every call. This is the
 * only module whose main code imports {@code org.camunda}.
 */
@ApplicationModule(allowedDependencies = { "shared", "recruitment", "training", "notification", "processes", "matching", "support",
        "intervisie", "closure" })
package nl.steunpunt.buddy.workflow;

import org.springframework.modulith.ApplicationModule;
