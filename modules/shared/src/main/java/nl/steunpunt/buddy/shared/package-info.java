/**
 * The shared kernel: identifiers and values every module speaks (regions, roles, the acting user),
 * the application clock, translatable domain errors and the database bootstrap (an embedded
 * PostgreSQL when no external server is configured). It holds no business process of its own.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package nl.steunpunt.buddy.shared;

import org.springframework.modulith.ApplicationModule;
