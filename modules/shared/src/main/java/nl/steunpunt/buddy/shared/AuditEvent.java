package nl.steunpunt.buddy.shared;

import java.util.Objects;

/**
 * What happened to a case file, as told by the module that did it: the action, the kind of case file,
 * its technical ID and the region it belongs to. Never names or content.
 */
public record AuditEvent(Action action, SubjectType subjectType, String subjectId, RegionCode regionCode) {

    /** What was done to the case file. */
    public enum Action {
        VIEW,
        CREATE,
        CHANGE,
        DELETE
    }

    /** The kind of case file. */
    public enum SubjectType {
        HELP_REQUEST,
        MATCH,
        BUDDY_APPLICATION,
        /** The buddy's record after selection, under her application's ID: training, pool profile, departure. */
        BUDDY,
        CONTACT_LOG,
        SUPPORT_CASE,
        CLOSURE,
        INTERVISIE_GROUP,
        /** A case as a whole, under its case reference: its processes drawn on their diagrams. */
        CASE
    }

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
    }

    public static AuditEvent viewed(SubjectType type, Object id, RegionCode region) {
        return new AuditEvent(Action.VIEW, type, String.valueOf(id), region);
    }

    public static AuditEvent created(SubjectType type, Object id, RegionCode region) {
        return new AuditEvent(Action.CREATE, type, String.valueOf(id), region);
    }

    public static AuditEvent changed(SubjectType type, Object id, RegionCode region) {
        return new AuditEvent(Action.CHANGE, type, String.valueOf(id), region);
    }

    public static AuditEvent deleted(SubjectType type, Object id, RegionCode region) {
        return new AuditEvent(Action.DELETE, type, String.valueOf(id), region);
    }
}
