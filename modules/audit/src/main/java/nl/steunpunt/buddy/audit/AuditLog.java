package nl.steunpunt.buddy.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.AuditEvent.Action;
import nl.steunpunt.buddy.shared.AuditEvent.SubjectType;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Role;

/** The administrator's search through the audit log: newest first, paged, filtered. Only ADMIN may read it. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private static final int MAX_FILTER_TEXT = 200;

    private final JdbcClient db;
    private final CurrentActor currentActor;
    private final Clock clock;

    AuditLog(JdbcClient db, CurrentActor currentActor, Clock clock) {
        this.db = db;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
        requireAdmin();
        if (limit <= 0) {
            return List.of();
        }
        Where where = where(filter);
        var spec = db.sql("SELECT id, at, user_id, roles, regions, action, subject_type, subject_id, region_code FROM audit_log WHERE "
                + where.sql() + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
        where.params().forEach(spec::param);
        return spec.param("limit", limit).param("offset", Math.max(0, offset)).query(AuditLog::entry).list();
    }

    public long count(AuditFilter filter) {
        requireAdmin();
        Where where = where(filter);
        var spec = db.sql("SELECT count(*) FROM audit_log WHERE " + where.sql());
        where.params().forEach(spec::param);
        return spec.query(Long.class).single();
    }

    private void requireAdmin() {
        if (!currentActor.require().hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("error.audit.admin-only");
        }
    }

    private Where where(AuditFilter filter) {
        AuditFilter f = filter == null ? AuditFilter.all() : filter;
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        clauses.add("TRUE");
        String user = text(f.userId());
        if (user != null) {
            clauses.add("user_id = :user");
            params.put("user", user);
        }
        if (f.subjectType() != null) {
            clauses.add("subject_type = :type");
            params.put("type", f.subjectType().name());
        }
        String subject = text(f.subjectId());
        if (subject != null) {
            clauses.add("subject_id = :subject");
            params.put("subject", subject);
        }
        if (f.action() != null) {
            clauses.add("action = :action");
            params.put("action", f.action().name());
        }
        if (f.region() != null) {
            clauses.add("region_code = :region");
            params.put("region", f.region().value());
        }
        if (f.from() != null) {
            clauses.add("at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay(clock.getZone()).toInstant()));
        }
        if (f.to() != null) {
            clauses.add("at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        }
        return new Where(String.join(" AND ", clauses), params);
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.length() > MAX_FILTER_TEXT ? trimmed.substring(0, MAX_FILTER_TEXT) : trimmed;
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), Optional.ofNullable(rs.getString("user_id")),
                rs.getString("roles"), rs.getString("regions"), Action.valueOf(rs.getString("action")),
                SubjectType.valueOf(rs.getString("subject_type")), rs.getString("subject_id"),
                Optional.ofNullable(rs.getString("region_code")));
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}
