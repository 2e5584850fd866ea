/**
 * Notification: the e-mails the programme sends to applicants, in Dutch or English, rendered from
 * plain-text templates. It owns the templates and the outbox log of every mail that was sent; the
 * callers (process steps in the workflow module) pass the recipient, the language and the values
 * to fill in, and refer to the case by its reference only.
 */
@ApplicationModule(allowedDependencies = "shared")
package nl.steunpunt.buddy.notification;

import org.springframework.modulith.ApplicationModule;
