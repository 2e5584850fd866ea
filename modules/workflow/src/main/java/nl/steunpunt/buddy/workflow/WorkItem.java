package nl.steunpunt.buddy.workflow;

import java.time.Instant;
import java.util.Optional;

import nl.steunpunt.buddy.shared.RegionCode;

/**
 * An open task as the inbox shows it.
 *
 * @param id             the task ID
 * @param definitionKey  the BPMN element ID, e.g. {@code Task_ScreenApplication}; screens translate it
 * @param name           the Dutch label from the model (fallback when no translation exists)
 * @param formKey        which screen completes it
 * @param caseReference  the readable case reference (the process business key)
 * @param subjectId      the ID of the record the task is about (e.g. an application)
 */
public record WorkItem(
        String id,
        String definitionKey,
        String name,
        String formKey,
        String caseReference,
        String subjectId,
        RegionCode region,
        Phase phase,
        Instant created,
        Optional<Instant> due,
        Optional<Instant> followUp,
        Optional<String> assignee) {

    public boolean isOverdue(Instant now) {
        return due.map(now::isAfter).orElse(false);
    }

    public boolean isAssignedTo(String userId) {
        return assignee.map(userId::equals).orElse(false);
    }
}
