/**
 * Training and qualification (scholing): the catalogue, the enrolment of selected buddies (fed by
 * the recruitment module's {@code BuddySelected} event), sessions and attendance, the trainer's
 * immutable sign-off per competence, certification and the yearly refresher. The workflow module
 * drives the steps; it holds only the trainee's ID.
 */
@ApplicationModule(allowedDependencies = { "shared", "recruitment" })
package nl.steunpunt.buddy.training;

import org.springframework.modulith.ApplicationModule;
