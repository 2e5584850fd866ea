package nl.steunpunt.buddy.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.matching.ProposalRecord.ProposalSource;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.BuddyExperience;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.AuditEvent;
import nl.steunpunt.buddy.shared.AuditTrail;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.training.BuddyCertified;
import nl.steunpunt.buddy.training.RefresherCompleted;
import nl.steunpunt.buddy.training.Training;

/**
 * Koppeling: the pool of certified buddies, ranked and explained candidates for a request, the
 * coordinator's proposal (an override of the ranking needs a reason), the buddy's answer, first
 * contact, introduction and the active match; the waiting list and its optimal batch proposal.
 * A buddy's capacity is never exceeded: each proposal locks the buddy's row and counts her pending
 * proposals and open matches before taking a place.
 */
@Service
@Transactional
public class Matchmaking {

    private static final int MAX_SCHOOLS = 10;
    /**
     * The waiting list: requests without a suitable buddy, and those that left it on re-evaluation
     * (someone suitable became free) but have not been proposed yet.
     */
    private static final Set<HelpRequestStatus> ON_WAITING_LIST = Set.of(HelpRequestStatus.WAITING, HelpRequestStatus.SEARCHING);

    private final JdbcClient db;
    private final HelpRequests requests;
    private final MatchRecords records;
    private final Places places;
    private final Applications applications;
    private final Training training;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    Matchmaking(JdbcClient db, HelpRequests requests, MatchRecords records, Places places, Applications applications,
            Training training, CurrentActor currentActor, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.db = db;
        this.requests = requests;
        this.records = records;
        this.places = places;
        this.applications = applications;
        this.training = training;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- the pool ---------------------------------------------------------------------------

    /** A certified buddy joins the matching pool (once; her experience comes from her application). */
    @ApplicationModuleListener
    void on(BuddyCertified event) {
        join(event.trainee());
        events.publishEvent(new CapacityAvailable(served(event.region())));
    }

    /** After a refresher she may be matched again: waiting requests deserve a look. */
    @ApplicationModuleListener
    void on(RefresherCompleted event) {
        db.sql("SELECT region_code FROM matching_buddy WHERE application_id = ?").param(event.trainee().value())
                .query(String.class).optional()
                .ifPresent(region -> events.publishEvent(new CapacityAvailable(served(new RegionCode(region)))));
    }

    void join(ApplicationId buddy) {
        BuddyExperience e = applications.experience(buddy);
        db.sql("INSERT INTO matching_buddy (application_id, region_code, reference, school_levels, problem_areas, languages, "
                + "hours_per_week, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (application_id) DO UPDATE SET "
                + "region_code = EXCLUDED.region_code, school_levels = EXCLUDED.school_levels, problem_areas = EXCLUDED.problem_areas, "
                + "languages = EXCLUDED.languages, hours_per_week = EXCLUDED.hours_per_week")
                .params(buddy.value(), e.region().value(), e.reference(), Codes.join(e.schoolLevels()), Codes.join(e.problemAreas()),
                        Codes.join(e.languages()), e.hoursPerWeek(), Timestamp.from(clock.instant()))
                .update();
    }

    /** The buddies of the acting coordinator's regions (not those archived), with their load and matching profile. */
    @Transactional(readOnly = true)
    public List<PoolBuddy> pool() {
        Actor actor = currentActor.require();
        List<String> regions = coordinatorRegions(actor);
        if (regions.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = db.sql("SELECT b.application_id, b.reference, b.region_code, b.place, b.schools, b.max_matches, "
                + "COALESCE(s.max_matches, 2), " + MatchRecords.OPEN_LOAD + ", b.leaving_since IS NOT NULL, b.version FROM matching_buddy b "
                + "LEFT JOIN matching_setting s ON s.region_code = b.region_code WHERE b.region_code IN (:regions) "
                + "AND b.archived_at IS NULL ORDER BY b.reference")
                .param("regions", regions)
                .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9), rs.getLong(10) })
                .list();
        Map<ApplicationId, String> names = applications.displayNames(rows.stream().map(r -> new ApplicationId((UUID) r[0])).toList());
        List<PoolBuddy> pool = new ArrayList<>();
        for (Object[] r : rows) {
            ApplicationId id = new ApplicationId((UUID) r[0]);
            Optional<Integer> own = Optional.ofNullable((Integer) r[5]);
            pool.add(new PoolBuddy(id, (String) r[1], names.getOrDefault(id, id.toString()), new RegionCode((String) r[2]),
                    training.isQualified(id), applications.vogValid(id), (Integer) r[7], own.orElse((Integer) r[6]), own,
                    Optional.ofNullable((String) r[3]), Codes.strings((String) r[4]), training.accountOf(id).isPresent(), (Boolean) r[8], (Long) r[9]));
        }
        return pool;
    }

    /**
     * A coordinator records what matching needs beyond the application: where the buddy lives, the
     * schools she is connected to (conflict of interest) and, when it differs from the region's,
     * her own maximum of open matches.
     */
    public void saveBuddyProfile(ApplicationId buddy, String place, Set<String> schools, Integer maxMatches) {
        saveProfile(buddy, null, place, schools, maxMatches);
    }

    /**
     * As {@link #saveBuddyProfile(ApplicationId, String, Set, Integer)}, but only over the profile the
     * coordinator was shown ({@link PoolBuddy#version()}): when a colleague saved it meanwhile, nothing
     * is saved and she is asked to look again, so neither change is silently lost.
     */
    public void saveBuddyProfile(ApplicationId buddy, long version, String place, Set<String> schools, Integer maxMatches) {
        saveProfile(buddy, version, place, schools, maxMatches);
    }

    private void saveProfile(ApplicationId buddy, Long version, String place, Set<String> schools, Integer maxMatches) {
        Actor actor = currentActor.require();
        RegionCode region = db.sql("SELECT region_code FROM matching_buddy WHERE application_id = ?").param(buddy.value())
                .query(String.class).optional().map(RegionCode::new)
                .orElseThrow(() -> new NotFoundException("error.buddy.not-found"));
        HelpRequests.requireCoordinator(actor, region);
        String placeName = HelpRequests.blankToNull(place);
        if (placeName != null && places.find(placeName).isEmpty()) {
            throw new InvalidInputException("error.help-request.place.unknown");
        }
        Set<String> normalised = new TreeSet<>();
        for (String school : schools == null ? Set.<String>of() : schools) {
            String value = HelpRequests.normalisedSchool(school);
            if (value != null) {
                if (value.length() > 90 || value.contains(",")) {
                    throw new InvalidInputException("error.buddy.school.invalid");
                }
                normalised.add(value);
            }
        }
        if (normalised.size() > MAX_SCHOOLS) {
            throw new InvalidInputException("error.buddy.schools.too-many", MAX_SCHOOLS);
        }
        if (maxMatches != null && (maxMatches < 0 || maxMatches > 10)) {
            throw new InvalidInputException("error.settings.max-matches.invalid", 0, 10);
        }
        int saved = db.sql("UPDATE matching_buddy SET place = ?, schools = ?, max_matches = ?, version = version + 1 "
                + "WHERE application_id = ? AND (CAST(? AS BIGINT) IS NULL OR version = ?)")
                .params(placeName, normalised.isEmpty() ? null : String.join(",", normalised), maxMatches, buddy.value(), version, version)
                .update();
        if (saved == 0) {
            throw new InvalidInputException("error.edit.conflict");
        }
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, buddy.value(), region));
        events.publishEvent(new PoolCapacityChanged(region));
        // More room, another place or fewer conflicting schools may make her a candidate: waiting requests deserve a look.
        events.publishEvent(new CapacityAvailable(served(region)));
    }

    // ---- settings ---------------------------------------------------------------------------

    /**
     * The weights and default capacity of a region (the defaults until an administrator changes them),
     * for its coordinators and administrators.
     */
    @Transactional(readOnly = true)
    public RegionMatchingSettings settings(RegionCode region) {
        Actor actor = currentActor.require();
        if (!actor.hasRoleIn(Role.COORDINATOR, region) && !actor.hasRoleIn(Role.ADMIN, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return regionSettings(region);
    }

    private RegionMatchingSettings regionSettings(RegionCode region) {
        return db.sql("SELECT weight_problem, weight_level, weight_language, weight_distance, weight_availability, max_distance_km, "
                + "max_matches FROM matching_setting WHERE region_code = ?").param(region.value())
                .query((rs, n) -> new RegionMatchingSettings(new MatchingWeights(Map.of(Criterion.PROBLEM_AREAS, rs.getInt(1),
                        Criterion.SCHOOL_LEVEL, rs.getInt(2), Criterion.LANGUAGE, rs.getInt(3), Criterion.DISTANCE, rs.getInt(4),
                        Criterion.AVAILABILITY, rs.getInt(5)), rs.getDouble(6)), rs.getInt(7)))
                .optional().orElse(RegionMatchingSettings.defaults());
    }

    /** An administrator sets a region's weights (at least one above zero) and a buddy's default maximum. */
    public void saveSettings(RegionCode region, Map<Criterion, Integer> weights, double maxDistanceKm, int maxMatches) {
        Actor actor = currentActor.require();
        requireAdmin(actor, region);
        MatchingWeights checked;
        try {
            checked = new MatchingWeights(weights == null ? Map.of() : weights, maxDistanceKm);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("error.settings.weights.invalid", 0, 1000);
        }
        if (checked.maximum() == 0) {
            throw new InvalidInputException("error.settings.weights.all-zero");
        }
        if (maxDistanceKm > 500) {
            throw new InvalidInputException("error.settings.distance.invalid", 1, 500);
        }
        if (maxMatches < 0 || maxMatches > 10) {
            throw new InvalidInputException("error.settings.max-matches.invalid", 0, 10);
        }
        db.sql("INSERT INTO matching_setting (region_code, weight_problem, weight_level, weight_language, weight_distance, "
                + "weight_availability, max_distance_km, max_matches, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (region_code) DO UPDATE SET weight_problem = EXCLUDED.weight_problem, weight_level = EXCLUDED.weight_level, "
                + "weight_language = EXCLUDED.weight_language, weight_distance = EXCLUDED.weight_distance, "
                + "weight_availability = EXCLUDED.weight_availability, max_distance_km = EXCLUDED.max_distance_km, "
                + "max_matches = EXCLUDED.max_matches, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at")
                .params(region.value(), checked.weight(Criterion.PROBLEM_AREAS), checked.weight(Criterion.SCHOOL_LEVEL),
                        checked.weight(Criterion.LANGUAGE), checked.weight(Criterion.DISTANCE), checked.weight(Criterion.AVAILABILITY),
                        maxDistanceKm, maxMatches, actor.userId(), Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new PoolCapacityChanged(region));
        // A higher maximum or other weights and distance may give waiting requests a candidate.
        events.publishEvent(new CapacityAvailable(served(region)));
    }

    /** The regions whose buddies may also help in this region, for its administrators. */
    @Transactional(readOnly = true)
    public Set<RegionCode> neighbours(RegionCode region) {
        requireAdmin(currentActor.require(), region);
        return db.sql("SELECT neighbour_code FROM region_neighbour WHERE region_code = ? ORDER BY neighbour_code")
                .param(region.value()).query(String.class).list().stream().map(RegionCode::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** An administrator sets a region's neighbours; the relation is kept symmetric. */
    public void saveNeighbours(RegionCode region, Set<RegionCode> neighbours) {
        Actor actor = currentActor.require();
        requireAdmin(actor, region);
        Set<RegionCode> wanted = neighbours == null ? Set.of() : neighbours;
        if (wanted.contains(region)) {
            throw new InvalidInputException("error.settings.neighbour.self");
        }
        db.sql("DELETE FROM region_neighbour WHERE region_code = ? OR neighbour_code = ?").params(region.value(), region.value()).update();
        for (RegionCode other : wanted) {
            db.sql("INSERT INTO region_neighbour (region_code, neighbour_code) VALUES (?, ?), (?, ?) ON CONFLICT DO NOTHING")
                    .params(region.value(), other.value(), other.value(), region.value()).update();
        }
    }

    // ---- ranking ----------------------------------------------------------------------------

    /** The ranked, explained candidates for a request and who is excluded and why. */
    @Transactional(readOnly = true)
    public CandidateList candidates(HelpRequestId request) {
        HelpRequests.requireCoordinator(currentActor.require(), requests.regionOf(request));
        return rank(request);
    }

    /** The workflow ranks after intake, after a decline and on re-evaluation: is anyone suitable? */
    public boolean rankForWorkflow(HelpRequestId request) {
        HelpRequestStatus status = requests.status(request);
        if (!status.isOpen()) {
            return false;
        }
        if (status != HelpRequestStatus.SEARCHING) {
            // A request re-evaluated from the waiting list keeps its place (waiting_since) until proposed.
            setStatus(request, HelpRequestStatus.SEARCHING);
        }
        return !rank(request).candidates().isEmpty();
    }

    /** No suitable buddy now: the request waits (since the first time it was placed). */
    public void placeOnWaitingList(HelpRequestId request) {
        if (!requests.status(request).isOpen()) {
            return;
        }
        db.sql("UPDATE help_request SET status = 'WAITING', waiting_since = COALESCE(waiting_since, ?), last_changed_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), request.value()).update();
    }

    CandidateList rank(HelpRequestId request) {
        RequestRow row = requestRow(request);
        RegionMatchingSettings settings = regionSettings(row.region());
        Map<RegionCode, Set<RegionCode>> neighbours = neighbourMap();
        Set<RegionCode> served = new HashSet<>(neighbours.getOrDefault(row.region(), Set.of()));
        served.add(row.region());
        Map<String, String> placeNames = new HashMap<>();
        List<BuddyProfile> buddies = buddies(served, placeNames);
        MatchingEngine engine = new MatchingEngine(neighbours);
        Ranking ranking = engine.rank(row.profile(declinedBy(request)), buddies, settings.weights());
        Map<String, BuddyProfile> byId = buddies.stream().collect(Collectors.toMap(BuddyProfile::buddyId, Function.identity()));
        Map<ApplicationId, String> names = applications.displayNames(buddies.stream().map(b -> ApplicationId.of(b.buddyId())).toList());
        List<RankedCandidate> candidates = new ArrayList<>();
        int position = 1;
        for (Candidate c : ranking.candidates()) {
            ApplicationId id = ApplicationId.of(c.buddyId());
            BuddyProfile b = byId.get(c.buddyId());
            candidates.add(new RankedCandidate(position++, id, names.getOrDefault(id, c.buddyId()), b.region(), c.score(),
                    c.contributions(), b.activeMatches(), b.maxMatches(), Optional.ofNullable(placeNames.get(c.buddyId())),
                    training.accountOf(id).isPresent()));
        }
        List<ExcludedBuddy> excluded = ranking.exclusions().stream()
                .map(e -> new ExcludedBuddy(ApplicationId.of(e.buddyId()), names.getOrDefault(ApplicationId.of(e.buddyId()), e.buddyId()),
                        e.rule()))
                .toList();
        return new CandidateList(request, candidates, excluded, settings.weights().maximum());
    }

    // ---- proposing --------------------------------------------------------------------------

    /**
     * The user account of a buddy in the pool, if linked: proposing her assigns her answer task to it.
     * For a coordinator of the buddy's region.
     */
    @Transactional(readOnly = true)
    public Optional<String> accountOf(ApplicationId buddy) {
        RegionCode region = db.sql("SELECT region_code FROM matching_buddy WHERE application_id = ?").param(buddy.value())
                .query(String.class).optional().map(RegionCode::new).orElseThrow(() -> new NotFoundException("error.buddy.not-found"));
        HelpRequests.requireCoordinator(currentActor.require(), region);
        return training.accountOf(buddy);
    }

    /**
     * The coordinator proposes a buddy from the ranking. Choosing anyone but the best-ranked needs a
     * reason, recorded with the proposal. Returns the buddy's user account: her answer task is hers.
     */
    public String propose(HelpRequestId request, ApplicationId buddy, String overrideReason) {
        return propose(request, buddy, overrideReason, ProposalSource.RANKING, Set.of(HelpRequestStatus.SEARCHING));
    }

    /** The coordinator proposes a buddy to a request on the waiting list (alone, with the same rules). */
    public String proposeFromWaitingList(HelpRequestId request, ApplicationId buddy, String overrideReason) {
        HelpRequests.requireCoordinator(currentActor.require(), requests.regionOf(request));
        requireOnWaitingList(request);
        return propose(request, buddy, overrideReason, ProposalSource.WAITING_LIST, ON_WAITING_LIST);
    }

    /** One pair of a reviewed batch proposal: optimal as a whole, so no reason is asked. */
    public String proposeFromBatch(HelpRequestId request, ApplicationId buddy) {
        HelpRequests.requireCoordinator(currentActor.require(), requests.regionOf(request));
        requireOnWaitingList(request);
        return propose(request, buddy, null, ProposalSource.BATCH, ON_WAITING_LIST);
    }

    private void requireOnWaitingList(HelpRequestId request) {
        boolean waiting = db.sql("SELECT count(*) FROM help_request WHERE id = ? AND waiting_since IS NOT NULL")
                .param(request.value()).query(Long.class).single() > 0;
        if (!waiting) {
            throw new InvalidInputException("error.help-request.state");
        }
    }

    private String propose(HelpRequestId request, ApplicationId buddy, String overrideReason, ProposalSource source,
            Set<HelpRequestStatus> allowed) {
        Actor actor = currentActor.require();
        HelpRequests.requireCoordinator(actor, requests.regionOf(request));
        String status = db.sql("SELECT status FROM help_request WHERE id = ? FOR UPDATE").param(request.value()).query(String.class).single();
        if (!allowed.contains(HelpRequestStatus.valueOf(status))) {
            throw new InvalidInputException("error.help-request.state");
        }
        if (buddy == null) {
            throw new InvalidInputException("error.match.buddy.required");
        }
        // Lock the buddy: concurrent proposals for her last place are taken one after the other.
        if (db.sql("SELECT application_id FROM matching_buddy WHERE application_id = ? FOR UPDATE").param(buddy.value())
                .query(UUID.class).optional().isEmpty()) {
            throw new NotFoundException("error.buddy.not-found");
        }
        CandidateList ranking = rank(request);
        RankedCandidate chosen = ranking.candidates().stream().filter(c -> c.buddy().equals(buddy)).findFirst()
                .orElseThrow(() -> new InvalidInputException("error.match.not-a-candidate." + ranking.excluded().stream()
                        .filter(e -> e.buddy().equals(buddy)).map(e -> e.rule().name()).findFirst().orElse("NOT_IN_POOL")));
        String reason = HelpRequests.text(overrideReason, null, false);
        boolean overrides = source != ProposalSource.BATCH && chosen.score() < ranking.candidates().get(0).score();
        if (overrides && reason == null) {
            throw new InvalidInputException("error.match.override-reason.required");
        }
        String account = training.accountOf(buddy).orElseThrow(() -> new InvalidInputException("error.match.buddy-no-account"));
        Instant now = clock.instant();
        db.sql("INSERT INTO match_proposal (request_id, buddy_id, buddy_user_id, score, rank_position, explanation, override_reason, "
                + "source, status, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(request.value(), buddy.value(), account, chosen.score(), source == ProposalSource.BATCH ? null : chosen.position(),
                        Explanations.format(chosen.contributions()), overrides ? reason : null, source.name(), actor.userId(),
                        Timestamp.from(now))
                .update();
        db.sql("UPDATE help_request SET status = 'PROPOSED', waiting_since = NULL, last_changed_at = ?, version = version + 1 WHERE id = ?")
                .params(Timestamp.from(now), request.value()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.HELP_REQUEST, request.value(), requests.regionOf(request)));
        events.publishEvent(new BuddyProposed(request, buddy));
        return account;
    }

    /**
     * The proposed buddy answers. Accepting starts the match (she now sees the requester's contact
     * details); declining needs a reason and frees her place.
     */
    public void answer(HelpRequestId request, boolean accept, String reason) {
        Actor actor = currentActor.require();
        lock(request);
        var pending = pendingProposalOf(request)
                .filter(p -> p.userId().equals(actor.userId()))
                .orElseThrow(() -> new AccessDeniedException("error.match.not-your-proposal"));
        Timestamp now = Timestamp.from(clock.instant());
        if (accept) {
            UUID matchId = UUID.randomUUID();
            db.sql("UPDATE match_proposal SET status = 'ACCEPTED', answered_at = ? WHERE id = ?").params(now, pending.id()).update();
            db.sql("INSERT INTO buddy_match (id, request_id, buddy_id, region_code, status, accepted_at) "
                    + "SELECT ?, id, ?, region_code, 'STARTING', ? FROM help_request WHERE id = ?")
                    .params(matchId, pending.buddy().value(), now, request.value()).update();
            setStatus(request, HelpRequestStatus.MATCHED);
            audit.record(AuditEvent.created(AuditEvent.SubjectType.MATCH, matchId, requests.regionOf(request)));
        } else {
            String text = HelpRequests.text(reason, "error.match.decline-reason.required", true);
            db.sql("UPDATE match_proposal SET status = 'DECLINED', answered_at = ?, decline_reason = ? WHERE id = ?")
                    .params(now, text, pending.id()).update();
            setStatus(request, HelpRequestStatus.SEARCHING);
            announceFreedPlace(pending.buddy());
            audit.record(AuditEvent.changed(AuditEvent.SubjectType.HELP_REQUEST, request.value(), requests.regionOf(request)));
        }
    }

    /**
     * The workflow records a decline or a proposal that lapsed (no answer in time) and asks how many
     * buddies have now turned this request down.
     */
    public int recordDecline(HelpRequestId request) {
        lock(request);
        pendingProposalOf(request).ifPresent(p -> {
            db.sql("UPDATE match_proposal SET status = 'TIMED_OUT', answered_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), p.id()).update();
            announceFreedPlace(p.buddy());
        });
        if (requests.status(request) == HelpRequestStatus.PROPOSED) {
            setStatus(request, HelpRequestStatus.SEARCHING);
        }
        return db.sql("SELECT count(*) FROM match_proposal WHERE request_id = ? AND status IN ('DECLINED', 'TIMED_OUT')")
                .param(request.value()).query(Integer.class).single();
    }

    /** The buddy records her first contact with the requester. */
    public void recordFirstContact(HelpRequestId request, LocalDate on, String note) {
        Actor actor = currentActor.require();
        // Whose match it is comes before its state: nobody else learns where it stands.
        Optional<UUID> buddy = db.sql("SELECT buddy_id FROM buddy_match WHERE request_id = ? ORDER BY accepted_at DESC LIMIT 1")
                .param(request.value()).query(UUID.class).optional();
        if (buddy.flatMap(b -> training.accountOf(new ApplicationId(b))).filter(actor.userId()::equals).isEmpty()) {
            throw new AccessDeniedException("error.match.not-your-match");
        }
        StartingMatch match = startingMatch(request);
        requireDateBetween(on, LocalDate.ofInstant(match.acceptedAt(), clock.getZone()), "error.match.first-contact.date");
        db.sql("UPDATE buddy_match SET first_contact_on = ?, first_contact_note = ? WHERE id = ?")
                .params(on, HelpRequests.text(note, null, false), match.id()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.MATCH, match.id(), requests.regionOf(request)));
    }

    /** The coordinator records the introduction meeting of requester and buddy. */
    public void recordIntroduction(HelpRequestId request, LocalDate on, String note) {
        Actor actor = currentActor.require();
        HelpRequests.requireCoordinator(actor, requests.regionOf(request));
        StartingMatch match = startingMatch(request);
        LocalDate earliest = match.firstContactOn().orElse(LocalDate.ofInstant(match.acceptedAt(), clock.getZone()));
        requireDateBetween(on, earliest, "error.match.introduction.date");
        db.sql("UPDATE buddy_match SET introduction_on = ?, introduction_note = ? WHERE id = ?")
                .params(on, HelpRequests.text(note, null, false), match.id()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.MATCH, match.id(), requests.regionOf(request)));
    }

    /** The workflow activates the match after the introduction; announces {@link MatchActivated} once. */
    public void activate(HelpRequestId request) {
        lock(request);
        Optional<StartingMatch> starting = db.sql("SELECT id, buddy_id, accepted_at, first_contact_on FROM buddy_match "
                + "WHERE request_id = ? AND status = 'STARTING'").param(request.value()).query(StartingMatch::of).optional();
        if (starting.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("UPDATE buddy_match SET status = 'ACTIVE', activated_at = ? WHERE id = ?").params(now, starting.get().id()).update();
        setStatus(request, HelpRequestStatus.ACTIVE);
        String reference = db.sql("SELECT reference FROM help_request WHERE id = ?").param(request.value()).query(String.class).single();
        events.publishEvent(new MatchActivated(starting.get().id(), request, reference, starting.get().buddy(), requests.regionOf(request)));
    }

    /** The workflow closes a withdrawn request: whatever it held is freed (idempotent). */
    public void recordWithdrawal(HelpRequestId request) {
        db.sql("UPDATE help_request SET status = 'WITHDRAWN', waiting_since = NULL WHERE id = ? AND status <> 'WITHDRAWN'")
                .param(request.value()).update();
        records.release(request).forEach(region -> events.publishEvent(new CapacityAvailable(served(region))));
    }

    // ---- waiting list -----------------------------------------------------------------------

    /**
     * The waiting list of the acting coordinator's regions, longest waiting first: requests waiting
     * for a suitable buddy, and those re-evaluated with someone suitable free but not yet proposed.
     */
    @Transactional(readOnly = true)
    public List<HelpRequestSummary> waitingList() {
        List<String> regions = coordinatorRegions(currentActor.require());
        if (regions.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT " + HelpRequests.SUMMARY_COLUMNS + " FROM help_request r WHERE r.status IN ('WAITING', 'SEARCHING') "
                + "AND r.waiting_since IS NOT NULL "
                + "AND r.region_code IN (:regions) ORDER BY r.waiting_since, r.reference").param("regions", regions)
                .query(HelpRequests::summary).list();
    }

    /**
     * The assignment of the whole waiting list with the largest total score under every hard rule
     * and each buddy's free capacity, for review. Nothing is proposed until the coordinator approves.
     */
    @Transactional(readOnly = true)
    public BatchProposal batchProposal() {
        List<HelpRequestSummary> waiting = waitingList();
        if (waiting.isEmpty()) {
            return new BatchProposal(List.of(), 0, List.of());
        }
        Map<RegionCode, Set<RegionCode>> neighbours = neighbourMap();
        Set<RegionCode> served = new HashSet<>();
        waiting.forEach(w -> {
            served.add(w.region());
            served.addAll(neighbours.getOrDefault(w.region(), Set.of()));
        });
        List<BuddyProfile> buddies = buddies(served, new HashMap<>());
        // One engine run per weight set: requests of regions with the same weights are assigned together.
        Map<MatchingWeights, List<RequestProfile>> byWeights = new HashMap<>();
        Map<String, HelpRequestSummary> summaries = new HashMap<>();
        for (HelpRequestSummary w : waiting) {
            summaries.put(w.id().toString(), w);
            byWeights.computeIfAbsent(regionSettings(w.region()).weights(), k -> new ArrayList<>())
                    .add(requestRow(w.id()).profile(declinedBy(w.id())));
        }
        MatchingEngine engine = new MatchingEngine(neighbours);
        List<BatchProposal.Pair> pairs = new ArrayList<>();
        List<HelpRequestSummary> stay = new ArrayList<>();
        long total = 0;
        List<BuddyProfile> remaining = buddies;
        for (var group : byWeights.entrySet()) {
            Assignment assignment = engine.assign(group.getValue(), remaining, group.getKey());
            Map<String, Integer> used = new HashMap<>();
            for (Assignment.Pair pair : assignment.pairs()) {
                ApplicationId buddy = ApplicationId.of(pair.candidate().buddyId());
                pairs.add(new BatchProposal.Pair(summaries.get(pair.requestId()), buddy, "", pair.candidate().score(),
                        pair.candidate().contributions()));
                used.merge(pair.candidate().buddyId(), 1, Integer::sum);
                total += pair.candidate().score();
            }
            assignment.unassignedRequests().forEach(id -> stay.add(summaries.get(id)));
            remaining = remaining.stream().map(b -> used.containsKey(b.buddyId()) ? withLoad(b, b.activeMatches() + used.get(b.buddyId())) : b)
                    .toList();
        }
        Map<ApplicationId, String> names = applications.displayNames(pairs.stream().map(BatchProposal.Pair::buddy).distinct().toList());
        List<BatchProposal.Pair> named = pairs.stream()
                .map(p -> new BatchProposal.Pair(p.request(), p.buddy(), names.getOrDefault(p.buddy(), p.buddy().toString()), p.score(),
                        p.contributions()))
                .sorted(java.util.Comparator.comparing((BatchProposal.Pair p) -> p.request().waitingSince().orElse(Instant.MAX)))
                .toList();
        stay.sort(java.util.Comparator.comparing((HelpRequestSummary s) -> s.waitingSince().orElse(Instant.MAX)));
        return new BatchProposal(named, total, stay);
    }

    // ---- the buddy's own view -----------------------------------------------------------------

    /** The acting buddy's open proposals: what she needs to decide, without names or contact details. */
    @Transactional(readOnly = true)
    public List<ProposalForBuddy> myProposals() {
        Actor actor = currentActor.require();
        return db.sql("SELECT p.id, r.id, r.reference, r.requester_kind, r.school_level, r.problem_areas, r.preferred_language, "
                + "r.urgency, r.school_meeting_on, r.place, p.proposed_at FROM match_proposal p JOIN help_request r ON r.id = p.request_id "
                + "WHERE p.buddy_user_id = ? AND p.status = 'PENDING' ORDER BY p.proposed_at").param(actor.userId())
                .query((rs, n) -> new ProposalForBuddy(rs.getLong(1), new HelpRequestId(rs.getObject(2, UUID.class)), rs.getString(3),
                        RequesterKind.valueOf(rs.getString(4)), SchoolLevel.valueOf(rs.getString(5)),
                        Codes.enums(rs.getString(6), ProblemArea.class), rs.getString(7), Urgency.valueOf(rs.getString(8)),
                        Optional.ofNullable(rs.getObject(9, LocalDate.class)), Optional.ofNullable(rs.getString(10)),
                        rs.getTimestamp(11).toInstant()))
                .list();
    }

    /** The acting buddy's pending proposal for this request, if she has one. */
    @Transactional(readOnly = true)
    public Optional<ProposalForBuddy> myProposal(HelpRequestId request) {
        return myProposals().stream().filter(p -> p.request().equals(request)).findFirst();
    }

    /**
     * The acting buddy's starting and active matches, with the requester's contact details; showing
     * them is a look at the case file, so each is recorded in the view log.
     */
    public List<BuddyMatch> myMatches() {
        return myMatches(null);
    }

    /** One of the acting buddy's starting or active matches, if this request is hers (the view is logged). */
    public Optional<BuddyMatch> myMatch(HelpRequestId request) {
        return myMatches(request).stream().findFirst();
    }

    private List<BuddyMatch> myMatches(HelpRequestId only) {
        Actor actor = currentActor.require();
        Optional<ApplicationId> me = training.buddyOfAccount(actor.userId());
        if (me.isEmpty()) {
            return List.of();
        }
        List<BuddyMatch> matches = db.sql("SELECT m.id, r.id, r.reference, r.requester_kind, r.contact_name, r.email, r.phone, r.school_level, "
                + "r.problem_areas, r.school_meeting_on, r.place, m.status, m.accepted_at, m.first_contact_on, m.introduction_on "
                + "FROM buddy_match m JOIN help_request r ON r.id = m.request_id WHERE m.buddy_id = ? AND m.status IN ('STARTING', 'ACTIVE') "
                + "AND (CAST(? AS uuid) IS NULL OR r.id = ?) ORDER BY m.accepted_at DESC")
                .params(me.get().value(), only == null ? null : only.value(), only == null ? null : only.value())
                .query((rs, n) -> new BuddyMatch(rs.getObject(1, UUID.class), new HelpRequestId(rs.getObject(2, UUID.class)),
                        rs.getString(3), RequesterKind.valueOf(rs.getString(4)), rs.getString(5), Optional.ofNullable(rs.getString(6)),
                        Optional.ofNullable(rs.getString(7)), SchoolLevel.valueOf(rs.getString(8)),
                        Codes.enums(rs.getString(9), ProblemArea.class), Optional.ofNullable(rs.getObject(10, LocalDate.class)),
                        Optional.ofNullable(rs.getString(11)), MatchStatus.valueOf(rs.getString(12)), rs.getTimestamp(13).toInstant(),
                        Optional.ofNullable(rs.getObject(14, LocalDate.class)), Optional.ofNullable(rs.getObject(15, LocalDate.class))))
                .list();
        Timestamp now = Timestamp.from(clock.instant());
        for (BuddyMatch match : matches) {
            db.sql("INSERT INTO help_request_view (request_id, viewed_by, viewed_at) VALUES (?, ?, ?)")
                    .params(match.request().value(), actor.userId(), now).update();
            audit.record(AuditEvent.viewed(AuditEvent.SubjectType.HELP_REQUEST, match.request().value(), requests.regionOf(match.request())));
        }
        return matches;
    }

    /**
     * The facts of one match (IDs, region, status), for modules that keep records of a match and
     * decide themselves who may see them. Holds no personal data, so it asks no role.
     */
    @Transactional(readOnly = true)
    public Optional<MatchFacts> matchFacts(UUID matchId) {
        return records.facts(matchId, false);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private record RequestRow(HelpRequestId id, RegionCode region, SchoolLevel level, Set<ProblemArea> areas, String language,
            Optional<String> school, Optional<GeoPoint> location) {

        RequestProfile profile(Set<String> declinedBy) {
            return new RequestProfile(id.toString(), region, level, areas, language, school.map(Matchmaking::schoolKey), location,
                    declinedBy);
        }
    }

    private record Pending(long id, ApplicationId buddy, String userId) {
    }

    private record StartingMatch(UUID id, ApplicationId buddy, Instant acceptedAt, Optional<LocalDate> firstContactOn) {

        static StartingMatch of(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            return new StartingMatch(rs.getObject(1, UUID.class), new ApplicationId(rs.getObject(2, UUID.class)),
                    rs.getTimestamp(3).toInstant(), Optional.ofNullable(rs.getObject(4, LocalDate.class)));
        }
    }

    private RequestRow requestRow(HelpRequestId request) {
        return db.sql("SELECT region_code, school_level, problem_areas, preferred_language, school, place FROM help_request WHERE id = ?")
                .param(request.value())
                .query((rs, n) -> new RequestRow(request, new RegionCode(rs.getString(1)), SchoolLevel.valueOf(rs.getString(2)),
                        Codes.enums(rs.getString(3), ProblemArea.class), rs.getString(4), Optional.ofNullable(rs.getString(5)),
                        places.find(rs.getString(6))))
                .optional().orElseThrow(() -> new NotFoundException("error.help-request.not-found"));
    }

    private Set<String> declinedBy(HelpRequestId request) {
        return new HashSet<>(db.sql("SELECT buddy_id::text FROM match_proposal WHERE request_id = ? AND status IN ('DECLINED', 'TIMED_OUT')")
                .param(request.value()).query(String.class).list());
    }

    /** The buddies of these regions as the engine sees them: qualification, VOG and current load included. */
    private List<BuddyProfile> buddies(Set<RegionCode> regions, Map<String, String> placeNames) {
        if (regions.isEmpty()) {
            return List.of();
        }
        Map<String, GeoPoint> centres = places.all();
        List<BuddyProfile> buddies = new ArrayList<>();
        db.sql("SELECT b.application_id, b.region_code, b.school_levels, b.problem_areas, b.languages, b.hours_per_week, b.place, "
                + "b.schools, COALESCE(b.max_matches, s.max_matches, 2), " + MatchRecords.OPEN_LOAD + " FROM matching_buddy b "
                + "LEFT JOIN matching_setting s ON s.region_code = b.region_code WHERE b.region_code IN (:regions) "
                + "AND b.leaving_since IS NULL ORDER BY b.application_id")
                .param("regions", regions.stream().map(RegionCode::value).toList())
                .query((rs, n) -> {
                    ApplicationId id = new ApplicationId(rs.getObject(1, UUID.class));
                    if (rs.getString(7) != null) {
                        placeNames.put(id.toString(), rs.getString(7));
                    }
                    Set<String> schools = Codes.strings(rs.getString(8)).stream().map(Matchmaking::schoolKey)
                            .collect(Collectors.toSet());
                    return new BuddyProfile(id.toString(), new RegionCode(rs.getString(2)), training.isQualified(id),
                            applications.vogValid(id), rs.getInt(10), rs.getInt(9), Codes.enums(rs.getString(4), ProblemArea.class),
                            Codes.enums(rs.getString(3), SchoolLevel.class), Codes.strings(rs.getString(5)), rs.getInt(6), schools,
                            Optional.ofNullable(rs.getString(7)).map(centres::get));
                })
                .list().forEach(buddies::add);
        return buddies;
    }

    private static BuddyProfile withLoad(BuddyProfile b, int load) {
        return new BuddyProfile(b.buddyId(), b.region(), b.certified(), b.vogValid(), load, b.maxMatches(), b.problemAreas(),
                b.schoolLevels(), b.languages(), b.hoursPerWeek(), b.schools(), b.location());
    }

    private Optional<Pending> pendingProposalOf(HelpRequestId request) {
        return db.sql("SELECT id, buddy_id, buddy_user_id FROM match_proposal WHERE request_id = ? AND status = 'PENDING' FOR UPDATE")
                .param(request.value())
                .query((rs, n) -> new Pending(rs.getLong(1), new ApplicationId(rs.getObject(2, UUID.class)), rs.getString(3)))
                .optional();
    }

    private StartingMatch startingMatch(HelpRequestId request) {
        return db.sql("SELECT id, buddy_id, accepted_at, first_contact_on FROM buddy_match WHERE request_id = ? AND status = 'STARTING'")
                .param(request.value()).query(StartingMatch::of).optional()
                .orElseThrow(() -> new InvalidInputException("error.help-request.state"));
    }

    private void requireDateBetween(LocalDate on, LocalDate earliest, String key) {
        if (on == null || on.isAfter(LocalDate.now(clock)) || on.isBefore(earliest)) {
            throw new InvalidInputException(key);
        }
    }

    /**
     * Takes the request's row before its proposal or match: a proposal and a withdrawal lock the
     * request first too, so a buddy answering while the requester withdraws never deadlocks.
     */
    private void lock(HelpRequestId request) {
        db.sql("SELECT id FROM help_request WHERE id = ? FOR UPDATE").param(request.value()).query(UUID.class).optional();
    }

    private void setStatus(HelpRequestId request, HelpRequestStatus status) {
        db.sql("UPDATE help_request SET status = ?, last_changed_at = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), Timestamp.from(clock.instant()), request.value()).update();
    }

    private void announceFreedPlace(ApplicationId buddy) {
        db.sql("SELECT region_code FROM matching_buddy WHERE application_id = ?").param(buddy.value()).query(String.class).optional()
                .ifPresent(region -> events.publishEvent(new CapacityAvailable(served(new RegionCode(region)))));
    }

    /** The regions a buddy of this region may help in: her own and its neighbours. */
    private Set<RegionCode> served(RegionCode region) {
        return records.served(Set.of(region));
    }

    private Map<RegionCode, Set<RegionCode>> neighbourMap() {
        Map<RegionCode, Set<RegionCode>> map = new HashMap<>();
        db.sql("SELECT region_code, neighbour_code FROM region_neighbour").query((rs, n) -> map
                .computeIfAbsent(new RegionCode(rs.getString(1)), k -> new HashSet<>()).add(new RegionCode(rs.getString(2)))).list();
        return map;
    }

    private static List<String> coordinatorRegions(Actor actor) {
        return actor.regions().stream().filter(r -> actor.hasRoleIn(Role.COORDINATOR, r)).map(RegionCode::value).toList();
    }

    private static void requireAdmin(Actor actor, RegionCode region) {
        if (!actor.hasRoleIn(Role.ADMIN, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
    }

    /** Schools compare without regard to case. */
    private static String schoolKey(String school) {
        return school.toLowerCase(java.util.Locale.ROOT);
    }
}
