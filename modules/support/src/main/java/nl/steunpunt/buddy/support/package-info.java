/**
 * Active support (begeleiding): the buddy's contact log of her own matches (date, kind, duration,
 * topics, signal themes), readable by her and by the coordinators of the match's region, every
 * reading logged; the administrator's list of signal themes; and the signalen report per region per
 * quarter, with small counts suppressed, for the samenwerkingsverband. Log content stays in this
 * module: the workflow never sees it.
 */
@ApplicationModule(allowedDependencies = { "shared", "recruitment", "training", "matching" })
package nl.steunpunt.buddy.support;

import org.springframework.modulith.ApplicationModule;
