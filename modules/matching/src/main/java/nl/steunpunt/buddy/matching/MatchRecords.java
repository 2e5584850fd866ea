package nl.steunpunt.buddy.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.ProposalRecord.ProposalSource;
import nl.steunpunt.buddy.matching.ProposalRecord.ProposalStatus;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * Proposals and matches of a request, and the capacity they take: a pending proposal holds a place
 * of the buddy's capacity, as does a match that is starting, active or ending (until the closure restores it).
 */
@Component
class MatchRecords {

    /** Places of a buddy's capacity in use: pending proposals and open matches. */
    static final String OPEN_LOAD = "(SELECT count(*) FROM match_proposal p WHERE p.buddy_id = b.application_id AND p.status = 'PENDING') "
            + "+ (SELECT count(*) FROM buddy_match m WHERE m.buddy_id = b.application_id AND m.status IN ('STARTING', 'ACTIVE', 'ENDING'))";

    private final JdbcClient db;
    private final Applications applications;
    private final Clock clock;

    MatchRecords(JdbcClient db, Applications applications, Clock clock) {
        this.db = db;
        this.applications = applications;
        this.clock = clock;
    }

    List<ProposalRecord> proposals(HelpRequestId request) {
        List<ProposalRecord> rows = db.sql("SELECT id, buddy_id, score, rank_position, explanation, override_reason, source, status, "
                + "proposed_by, proposed_at, answered_at, decline_reason FROM match_proposal WHERE request_id = ? ORDER BY proposed_at, id")
                .param(request.value())
                .query((rs, n) -> new ProposalRecord(rs.getLong(1), new ApplicationId(rs.getObject(2, UUID.class)), "",
                        Optional.ofNullable((Integer) rs.getObject(3)), Optional.ofNullable((Integer) rs.getObject(4)),
                        Explanations.parse(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                        ProposalSource.valueOf(rs.getString(7)), ProposalStatus.valueOf(rs.getString(8)), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), Optional.ofNullable(rs.getTimestamp(11)).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getString(12))))
                .list();
        Map<ApplicationId, String> names = applications.displayNames(rows.stream().map(ProposalRecord::buddy).distinct().toList());
        List<ProposalRecord> named = new ArrayList<>();
        for (ProposalRecord p : rows) {
            named.add(new ProposalRecord(p.id(), p.buddy(), names.getOrDefault(p.buddy(), p.buddy().toString()), p.score(),
                    p.rankPosition(), p.explanation(), p.overrideReason(), p.source(), p.status(), p.proposedBy(), p.proposedAt(),
                    p.answeredAt(), p.declineReason()));
        }
        return named;
    }

    Optional<MatchRecord> match(HelpRequestId request) {
        Optional<MatchRecord> match = db.sql("SELECT id, buddy_id, status, accepted_at, first_contact_on, first_contact_note, "
                + "introduction_on, introduction_note, activated_at FROM buddy_match WHERE request_id = ? "
                + "ORDER BY accepted_at DESC LIMIT 1").param(request.value())
                .query((rs, n) -> new MatchRecord(rs.getObject(1, UUID.class), new ApplicationId(rs.getObject(2, UUID.class)), "",
                        MatchStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                        Optional.ofNullable(rs.getObject(5, LocalDate.class)), Optional.ofNullable(rs.getString(6)),
                        Optional.ofNullable(rs.getObject(7, LocalDate.class)), Optional.ofNullable(rs.getString(8)),
                        Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant)))
                .optional();
        return match.map(m -> new MatchRecord(m.id(), m.buddy(),
                applications.displayNames(List.of(m.buddy())).getOrDefault(m.buddy(), m.buddy().toString()), m.status(),
                m.acceptedAt(), m.firstContactOn(), m.firstContactNote(), m.introductionOn(), m.introductionNote(), m.activatedAt()));
    }

    /**
     * Frees what a closed request held: its pending proposal is withdrawn and a starting match
     * cancelled. Returns the regions of the buddies whose place came free.
     */
    Set<RegionCode> release(HelpRequestId request) {
        Timestamp now = Timestamp.from(clock.instant());
        List<String> regions = new ArrayList<>();
        regions.addAll(db.sql("UPDATE match_proposal p SET status = 'WITHDRAWN', answered_at = ? FROM matching_buddy b "
                + "WHERE p.request_id = ? AND p.status = 'PENDING' AND b.application_id = p.buddy_id RETURNING b.region_code")
                .params(now, request.value()).query(String.class).list());
        regions.addAll(db.sql("UPDATE buddy_match m SET status = 'CANCELLED', ended_at = ? FROM matching_buddy b "
                + "WHERE m.request_id = ? AND m.status = 'STARTING' AND b.application_id = m.buddy_id RETURNING b.region_code")
                .params(now, request.value()).query(String.class).list());
        return regions.stream().map(RegionCode::new).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The facts of one match (IDs, region, status); {@code lock} takes the match's row first, for a
     * change of its status or buddy.
     */
    Optional<MatchFacts> facts(UUID matchId, boolean lock) {
        return db.sql("SELECT m.id, m.request_id, r.reference, m.buddy_id, m.region_code, m.status, m.accepted_at FROM buddy_match m "
                + "JOIN help_request r ON r.id = m.request_id WHERE m.id = ?" + (lock ? " FOR UPDATE OF m" : "")).param(matchId)
                .query((rs, n) -> new MatchFacts(rs.getObject(1, UUID.class), new HelpRequestId(rs.getObject(2, UUID.class)),
                        rs.getString(3), new ApplicationId(rs.getObject(4, UUID.class)), new RegionCode(rs.getString(5)),
                        MatchStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    /** The regions buddies of these regions may help in: their own and the neighbouring ones. */
    Set<RegionCode> served(Set<RegionCode> buddyRegions) {
        Set<RegionCode> served = new java.util.TreeSet<>(buddyRegions);
        if (!buddyRegions.isEmpty()) {
            db.sql("SELECT neighbour_code FROM region_neighbour WHERE region_code IN (:regions)")
                    .param("regions", buddyRegions.stream().map(RegionCode::value).toList()).query(String.class).list()
                    .forEach(code -> served.add(new RegionCode(code)));
        }
        return served;
    }
}
