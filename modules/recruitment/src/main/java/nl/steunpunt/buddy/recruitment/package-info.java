/**
 * Recruitment and selection (werving en selectie): buddy applications from submission through
 * screening, the intake interview and the selection decision. It owns the application record and
 * every note made about it; the workflow module drives the steps and only ever holds IDs.
 */
@ApplicationModule(allowedDependencies = "shared")
package nl.steunpunt.buddy.recruitment;

import org.springframework.modulith.ApplicationModule;
