package nl.steunpunt.buddy.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;

/**
 * The matches of the acting coordinator's regions since they became active (active, ending and
 * closed), newest first, for her list of matches: references, buddy names and dates only, no data
 * of the requester.
 */
@Service
@Transactional(readOnly = true)
public class MatchOverview {

    private static final String WHERE = " FROM buddy_match m JOIN help_request r ON r.id = m.request_id "
            + "WHERE m.status IN ('ACTIVE', 'ENDING', 'CLOSED') AND m.region_code IN (:regions)";

    private final JdbcClient db;
    private final Applications applications;
    private final CurrentActor currentActor;

    MatchOverview(JdbcClient db, Applications applications, CurrentActor currentActor) {
        this.db = db;
        this.applications = applications;
        this.currentActor = currentActor;
    }

    /** One line of the list. */
    public record MatchLine(UUID matchId, HelpRequestId request, String reference, ApplicationId buddy, String buddyName,
            RegionCode region, MatchStatus status, Optional<Instant> activatedAt, Optional<Instant> endedAt) {
    }

    public List<MatchLine> find(int offset, int limit) {
        List<String> regions = regions();
        if (regions.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<MatchLine> lines = db.sql("SELECT m.id, r.id, r.reference, m.buddy_id, m.region_code, m.status, m.activated_at, m.ended_at"
                + WHERE + " ORDER BY m.activated_at DESC NULLS LAST, m.id LIMIT :limit OFFSET :offset")
                .param("regions", regions).param("limit", limit).param("offset", Math.max(0, offset))
                .query((rs, n) -> new MatchLine(rs.getObject(1, UUID.class), new HelpRequestId(rs.getObject(2, UUID.class)),
                        rs.getString(3), new ApplicationId(rs.getObject(4, UUID.class)), "", new RegionCode(rs.getString(5)),
                        MatchStatus.valueOf(rs.getString(6)), Optional.ofNullable(rs.getTimestamp(7)).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant)))
                .list();
        Map<ApplicationId, String> names = applications.displayNames(lines.stream().map(MatchLine::buddy).distinct().toList());
        return lines.stream().map(l -> new MatchLine(l.matchId(), l.request(), l.reference(), l.buddy(),
                names.getOrDefault(l.buddy(), l.buddy().toString()), l.region(), l.status(), l.activatedAt(), l.endedAt())).toList();
    }

    public long count() {
        List<String> regions = regions();
        if (regions.isEmpty()) {
            return 0;
        }
        return db.sql("SELECT count(*)" + WHERE).param("regions", regions).query(Long.class).single();
    }

    /** The buddy's name for a match's case view: for the coordinators of her region, who know her. */
    public String buddyName(ApplicationId buddy) {
        RegionCode region = db.sql("SELECT region_code FROM matching_buddy WHERE application_id = ?").param(buddy.value())
                .query(String.class).optional().map(RegionCode::new).orElseThrow(() -> new NotFoundException("error.buddy.not-found"));
        HelpRequests.requireCoordinator(currentActor.require(), region);
        return applications.displayNames(List.of(buddy)).getOrDefault(buddy, buddy.toString());
    }

    private List<String> regions() {
        Actor actor = currentActor.require();
        if (!actor.hasRole(Role.COORDINATOR)) {
            return List.of();
        }
        return actor.regions().stream().map(RegionCode::value).toList();
    }
}
