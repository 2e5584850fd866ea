package nl.steunpunt.buddy.workflow;

import java.util.Optional;

/**
 * Filters and order of an inbox listing. Whatever the filter, only tasks of the acting user's
 * roles in her regions are ever returned.
 */
public record WorkItemQuery(Scope scope, boolean overdueOnly, Optional<Phase> phase, SortBy sortBy, boolean ascending) {

    /** Which tasks of my regions. */
    public enum Scope {
        /** Assigned to me. */
        MINE,
        /** Not assigned to anyone. */
        UNASSIGNED,
        /** All tasks of my regions, assigned or not. */
        ALL
    }

    public enum SortBy {
        DUE, CREATED, NAME
    }

    /** The default inbox: all tasks of my regions, earliest due first. */
    public static WorkItemQuery inbox() {
        return new WorkItemQuery(Scope.ALL, false, Optional.empty(), SortBy.DUE, true);
    }

    public WorkItemQuery withScope(Scope newScope) {
        return new WorkItemQuery(newScope, overdueOnly, phase, sortBy, ascending);
    }

    public WorkItemQuery withOverdueOnly(boolean value) {
        return new WorkItemQuery(scope, value, phase, sortBy, ascending);
    }

    public WorkItemQuery withPhase(Optional<Phase> value) {
        return new WorkItemQuery(scope, overdueOnly, value, sortBy, ascending);
    }

    public WorkItemQuery sortedBy(SortBy by, boolean asc) {
        return new WorkItemQuery(scope, overdueOnly, phase, by, asc);
    }
}
