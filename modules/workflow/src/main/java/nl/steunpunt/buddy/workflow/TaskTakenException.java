package nl.steunpunt.buddy.workflow;

import nl.steunpunt.buddy.shared.TranslatableException;

/** The task is assigned to someone else. */
public class TaskTakenException extends TranslatableException {

    public TaskTakenException(String assignee) {
        super("error.task.taken", assignee);
    }
}
