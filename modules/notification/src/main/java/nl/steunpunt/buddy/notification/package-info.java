/**
 * Notification: the e-mails the programme sends to applicants, in Dutch or English, rendered from
 * plain-text templates. It owns the templates and the transactional outbox: a mail is queued in the
 * caller's transaction and goes over SMTP after the commit, once per outbox row and always with the
 * row's Message-ID. The callers (process steps in the workflow module) pass the recipient, the
 * language and the values to fill in, and refer to the case by its reference only.
 */
@ApplicationModule(allowedDependencies = "shared")
package nl.steunpunt.buddy.notification;

import org.springframework.modulith.ApplicationModule;
