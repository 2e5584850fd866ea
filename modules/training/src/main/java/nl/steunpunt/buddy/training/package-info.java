/**
 * Training and qualification (scholing). For now it owns the enrolment of selected buddies in the
 * basic track, fed by the recruitment module's {@code BuddySelected} event; sessions, attendance and
 * sign-off arrive with the training phase.
 */
@ApplicationModule(allowedDependencies = { "shared", "recruitment" })
package nl.steunpunt.buddy.training;

import org.springframework.modulith.ApplicationModule;
