package nl.steunpunt.buddy.workflow;

import nl.steunpunt.buddy.shared.NotFoundException;

/** The task is no longer open: someone else completed it, or its process moved on. */
public class TaskGoneException extends NotFoundException {

    public TaskGoneException() {
        super("error.task.gone");
    }
}
