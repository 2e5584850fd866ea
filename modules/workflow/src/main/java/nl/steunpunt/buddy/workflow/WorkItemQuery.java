package nl.steunpunt.buddy.workflow;

import java.util.Optional;

/**
 * Filters and order of an inbox listing. Whatever the filter, only tasks of the acting user's
 * roles in her regions are ever returned.
 */
public record WorkItemQuery(Scope scope, boolean overdueOnly, Optional<Phase> phase, Optional<String> caseReference,
        SortBy sortBy, boolean ascending) {

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
        return new WorkItemQuery(Scope.ALL, false, Optional.empty(), Optional.empty(), SortBy.DUE, true);
    }

    public WorkItemQuery withScope(Scope newScope) {
        return new WorkItemQuery(newScope, overdueOnly, phase, caseReference, sortBy, ascending);
    }

    public WorkItemQuery withOverdueOnly(boolean value) {
        return new WorkItemQuery(scope, value, phase, caseReference, sortBy, ascending);
    }

    public WorkItemQuery withPhase(Optional<Phase> value) {
        return new WorkItemQuery(scope, overdueOnly, value, caseReference, sortBy, ascending);
    }

    /** Only the open tasks of one case (all its processes). */
    public WorkItemQuery forCase(String reference) {
        return new WorkItemQuery(scope, overdueOnly, phase, Optional.of(reference), sortBy, ascending);
    }

    public WorkItemQuery sortedBy(SortBy by, boolean asc) {
        return new WorkItemQuery(scope, overdueOnly, phase, caseReference, by, asc);
    }
}
