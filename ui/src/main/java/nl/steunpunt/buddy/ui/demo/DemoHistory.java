package nl.steunpunt.buddy.ui.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.metrics.MetricsRebuild;
import nl.steunpunt.buddy.shared.CaseAnonymiser;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.training.Training;

/**
 * The demo's past: about eighteen months (applications twenty-two) of finished lifecycles in both demo regions, so that the
 * manager's dashboard has enough cases to show its figures (counts below five are suppressed).
 * Per region {@value #APPLICATIONS} buddy applications (most selected and certified, some not selected
 * or withdrawn) and {@value #REQUESTS} help requests (most matched, supported and closed, with the
 * closing conversation, evaluations of parent and buddy and contact-log signals; some withdrawn),
 * and a closed intervisie group with its sessions. The buddies of this past have left the programme:
 * their pool records are archived, so the live demo's matching and pool are as before. Cases closed
 * more than a year ago are anonymised by the modules' own {@link CaseAnonymiser}s, as their retention
 * period would have done.
 * <p>
 * These cases are written straight into the modules' tables, closed, without their (long finished)
 * processes; the engine's history does not hold them. The metrics read model is then rebuilt from the
 * modules' tables, as an administrator would after a migration, so a later rebuild gives the same figures.
 */
@Component
@Profile("demo")
class DemoHistory {

    static final int APPLICATIONS = 40;
    static final int REQUESTS = 32;
    /** How far the history reaches back: applications up to twenty-two months, help requests eighteen. */
    static final int DAYS = 660;
    static final int REQUEST_DAYS = 540;

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final String ADMIN = "beheerder";
    private static final String RECORDER = "demo-historie";
    private static final String[] FIRST = { "Annemiek", "Bas", "Carla", "Dirk", "Eline", "Frank", "Gonny", "Hamid", "Iris", "Joost",
            "Kim", "Leon", "Marloes", "Nadia", "Oscar", "Petra", "Rachid", "Saskia", "Thijs", "Ulla", "Vera", "Wouter", "Yara", "Zeynep" };
    private static final String[] LAST = { "Bakker", "Visser", "Mulder", "de Boer", "Jacobs", "van den Berg", "Koster", "Prins", "Huisman",
            "Postma", "Kok", "Verbeek", "Schouten", "van Wijk", "El Amrani", "Çelik", "Willems", "Hoekstra" };
    private static final String[] PLACES = { "Utrecht", "Amersfoort", "Houten", "Nieuwegein", "Zeist", "Leusden", "Baarn", "De Bilt" };

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final MetricsRebuild rebuild;
    private final DemoSteps steps;
    private final Clock clock;
    private final List<CaseAnonymiser> anonymisers;

    DemoHistory(JdbcClient db, PlatformTransactionManager transactions, MetricsRebuild rebuild, DemoSteps steps, Clock clock,
            List<CaseAnonymiser> anonymisers) {
        this.anonymisers = anonymisers;
        this.db = db;
        this.transactions = new TransactionTemplate(transactions);
        this.rebuild = rebuild;
        this.steps = steps;
        this.clock = clock;
    }

    /** Writes the past of both demo regions in one transaction, then rebuilds the metrics read model. */
    void seed() {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            region(DemoAccounts.UTRECHT, new Random(2605), now);
            region(DemoAccounts.EEMLAND, new Random(2606), now);
        });
        try {
            steps.signIn(ADMIN);
            rebuild.rebuild();
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Demo history seeded: per region {} applications and {} help requests over the past {} days; metrics rebuilt",
                APPLICATIONS, REQUESTS, DAYS);
    }

    private void region(String region, Random random, Instant now) {
        List<Buddy> buddies = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            application(region, random, now).ifPresent(buddies::add);
        }
        buddies.sort((a, b) -> a.certifiedAt().compareTo(b.certifiedAt()));
        List<String> themes = db.sql("SELECT code FROM signal_theme WHERE active ORDER BY position").query(String.class).list();
        List<Instant> submitted = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            submitted.add(now.minus(days(random, 80, REQUEST_DAYS)));
        }
        submitted.sort(null);
        for (int i = 0; i < REQUESTS; i++) {
            request(region, random, now, submitted.get(i), buddies, themes, i).filter(c -> c.closedAt().isBefore(now.minus(Duration.ofDays(365))))
                    .ifPresent(c -> anonymisers.forEach(a -> a.anonymiseCase(c.request(), c.match())));
        }
        intervisie(region, random, now, buddies, themes);
        for (Buddy buddy : buddies) {
            Instant left = buddy.freeFrom().plus(days(random, 20, 60));
            Instant archived = left.isBefore(now.minus(Duration.ofDays(2))) ? left : now.minus(Duration.ofDays(2));
            db.sql("UPDATE matching_buddy SET leaving_since = ?, archived_at = ? WHERE application_id = ?")
                    .params(ts(archived.minus(Duration.ofDays(14))), ts(archived), buddy.id()).update();
        }
    }

    /** One application: certified (most), not selected at screening, or withdrawn. */
    private java.util.Optional<Buddy> application(String region, Random random, Instant now) {
        UUID id = UUID.randomUUID();
        Instant submitted = now.minus(days(random, 150, DAYS));
        String first = pick(random, FIRST);
        String last = pick(random, LAST);
        long number = db.sql("SELECT nextval('buddy_application_reference_seq')").query(Long.class).single();
        String reference = "AANM-%d-%04d".formatted(year(submitted), number);
        String level = pick(random, SchoolLevel.values()).name();
        String areas = ProblemArea.THUISZITTER.name() + "," + ProblemArea.values()[1 + random.nextInt(ProblemArea.values().length - 2)].name();
        double outcome = random.nextDouble();
        Instant screened = submitted.plus(days(random, 1, 5));
        db.sql("INSERT INTO buddy_application (id, version, reference, region_code, status, first_name, last_name, email, phone, "
                + "school_levels, problem_areas, languages, hours_per_week, motivation, consent_given_at, submitted_at, language, "
                + "last_changed_at) VALUES (?, 0, ?, ?, 'SCREENING', ?, ?, ?, ?, ?, ?, 'nl', ?, ?, ?, ?, 'nl', ?)")
                .params(id, reference, region, first, last, email(first, last, number), "06-5550" + String.format("%04d", number % 10000),
                        level, areas, 2 + random.nextInt(5), "Ik weet hoe het is als je kind vastloopt op school.", ts(submitted),
                        ts(submitted), ts(submitted))
                .update();
        if (outcome < 0.12) {
            db.sql("UPDATE buddy_application SET status = 'NOT_SELECTED', screening_suitable = FALSE, screening_note = ?, screened_by = ?, "
                    + "screened_at = ?, closed_at = ?, last_changed_at = ? WHERE id = ?")
                    .params("Past nu niet bij het vrijwilligerswerk.", RECORDER, ts(screened), ts(screened), ts(screened), id).update();
            return java.util.Optional.empty();
        }
        if (outcome < 0.24) {
            Instant withdrawn = screened.plus(days(random, 3, 30));
            db.sql("UPDATE buddy_application SET status = 'WITHDRAWN', screening_suitable = TRUE, screened_by = ?, screened_at = ?, "
                    + "withdrawn_at = ?, withdrawal_reason = ?, closed_at = ?, last_changed_at = ? WHERE id = ?")
                    .params(RECORDER, ts(screened), ts(withdrawn), "Heeft zich bedacht.", ts(withdrawn), ts(withdrawn), id).update();
            return java.util.Optional.empty();
        }
        Instant intake = screened.plus(days(random, 7, 18));
        Instant decided = intake.plus(days(random, 2, 10));
        Instant vog = decided.plus(days(random, 7, 25));
        Instant certified = vog.plus(days(random, 20, 60));
        db.sql("UPDATE buddy_application SET status = 'SELECTED', screening_suitable = TRUE, screening_note = ?, screened_by = ?, "
                + "screened_at = ?, intake_held_on = ?, intake_notes = ?, intake_recorded_by = ?, intake_recorded_at = ?, decision = 'SELECTED', "
                + "decided_by = ?, decided_at = ?, closed_at = ?, last_changed_at = ? WHERE id = ?")
                .params("Sterke motivatie.", RECORDER, ts(screened), date(intake), "Open gesprek.", RECORDER, ts(intake), RECORDER, ts(decided),
                        ts(vog), ts(vog), id)
                .update();
        db.sql("INSERT INTO vog_record (application_id, seen_on, seen_by, certificate_date, valid, recorded_at) VALUES (?, ?, ?, ?, TRUE, ?)")
                .params(id, date(vog), RECORDER, date(vog.minus(Duration.ofDays(10))), ts(vog)).update();
        db.sql("INSERT INTO training_enrollment (application_id, region_code, track, enrolled_at, reference, modules_completed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(id, region, Training.BASIC_TRACK, ts(vog), reference, ts(certified)).update();
        db.sql("INSERT INTO training_qualification (application_id, status, certified_at, refresher_due) VALUES (?, 'CERTIFIED', ?, ?)")
                .params(id, ts(certified), date(certified.plus(Duration.ofDays(365)))).update();
        db.sql("INSERT INTO matching_buddy (application_id, region_code, reference, school_levels, problem_areas, languages, hours_per_week, "
                + "joined_at) VALUES (?, ?, ?, ?, ?, 'nl', 3, ?)").params(id, region, reference, level, areas, ts(certified)).update();
        return java.util.Optional.of(new Buddy(id, certified, new Instant[] { certified }));
    }

    /** One help request: matched with a buddy of the past, supported and closed (most), or withdrawn. */
    private java.util.Optional<Closed> request(String region, Random random, Instant now, Instant submitted, List<Buddy> buddies,
            List<String> themes, int index) {
        UUID id = UUID.randomUUID();
        long number = db.sql("SELECT nextval('help_request_reference_seq')").query(Long.class).single();
        String reference = "HV-%d-%04d".formatted(year(submitted), number);
        String first = pick(random, FIRST);
        String last = pick(random, LAST);
        db.sql("INSERT INTO help_request (id, reference, region_code, requester_kind, channel, contact_name, email, phone, school_level, "
                + "problem_areas, preferred_language, urgency, school, place, question, correspondence_language, status, intake_note, "
                + "withdraw_token, submitted_at, last_changed_at) VALUES (?, ?, ?, ?, 'FORM', ?, ?, NULL, ?, ?, 'nl', 'NORMAL', NULL, ?, ?, "
                + "'nl', 'INTAKE', ?, ?, ?, ?)")
                .params(id, reference, region, index % 6 == 5 ? "YOUTH" : "PARENT", first + " " + last, email(first, last, number),
                        pick(random, SchoolLevel.values()).name(), ProblemArea.values()[1 + random.nextInt(ProblemArea.values().length - 2)].name(),
                        pick(random, PLACES), "Ons kind loopt vast op school; we zoeken iemand die meedenkt.", "Intake gehouden.",
                        UUID.randomUUID().toString().replace("-", ""), ts(submitted), ts(submitted))
                .update();
        Instant accepted = submitted.plus(days(random, 4, 25));
        Buddy buddy = buddies.stream().filter(b -> b.certifiedAt().isBefore(accepted) && !b.freeFrom().isAfter(accepted))
                .min((a, b) -> a.freeFrom().compareTo(b.freeFrom())).orElse(null);
        if (buddy == null || random.nextDouble() < 0.12) {
            Instant withdrawn = submitted.plus(days(random, 2, 12));
            db.sql("UPDATE help_request SET status = 'WITHDRAWN', withdrawal_reason = ?, last_changed_at = ? WHERE id = ?")
                    .params("Zelf een oplossing met school gevonden.", ts(withdrawn), id).update();
            return java.util.Optional.empty();
        }
        Instant introduction = accepted.plus(days(random, 5, 14));
        Instant latestEnd = now.minus(days(random, 20, 40));
        // the earliest requests had short support, so that some cases closed more than a year ago
        Instant ended = introduction.plus(index < 4 ? days(random, 40, 80) : days(random, 60, 240));
        if (ended.isAfter(latestEnd)) {
            ended = latestEnd;
        }
        Instant closed = ended.plus(days(random, 3, 14));
        ClosureReason reason = random.nextDouble() < 0.55 ? ClosureReason.GOAL_REACHED : pick(random, ClosureReason.values());
        UUID match = UUID.randomUUID();
        db.sql("INSERT INTO buddy_match (id, request_id, buddy_id, region_code, status, accepted_at, first_contact_on, first_contact_note, "
                + "introduction_on, introduction_note, activated_at, ended_at, closure_reason, closure_note, closed_at) "
                + "VALUES (?, ?, ?, ?, 'CLOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(match, id, buddy.id(), region, ts(accepted), date(accepted.plus(Duration.ofDays(1))), "Gebeld en kennisgemaakt.",
                        date(introduction), "Kennismaking op school.", ts(introduction), ts(ended), reason.name(), "Afgerond.", ts(closed))
                .update();
        buddy.busyUntil()[0] = closed;
        db.sql("UPDATE help_request SET status = 'CLOSED', last_changed_at = ? WHERE id = ?").params(ts(closed), id).update();
        db.sql("INSERT INTO closing_conversation (match_id, region_code, held_on, outcome, notes, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(match, region, date(closed), random.nextDouble() < 0.7 ? "WELL" : "MIXED", "Afsluitend gesprek gevoerd.", RECORDER,
                        ts(closed))
                .update();
        for (int contact = 0, contacts = 2 + random.nextInt(3); contact < contacts; contact++) {
            Instant on = introduction.plus(Duration.ofSeconds((long) (random.nextDouble() * Duration.between(introduction, ended).getSeconds())));
            long line = db.sql("INSERT INTO contact_log (match_id, buddy_id, region_code, contact_on, kind, minutes, topics, recorded_by, "
                    + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                    .params(match, buddy.id(), region, date(on), contact % 2 == 0 ? "PHONE" : "SCHOOL_MEETING", 20 + random.nextInt(60),
                            "Voorbereiding en nabespreking.", RECORDER, ts(on))
                    .query(Long.class).single();
            String theme = themes.get(random.nextInt(Math.min(5, themes.size())));
            db.sql("INSERT INTO contact_log_theme (log_id, theme_code, theme_name) SELECT ?, code, name FROM signal_theme WHERE code = ?")
                    .params(line, theme).update();
        }
        if (random.nextDouble() < 0.7) {
            Instant at = closed.plus(days(random, 1, 15));
            db.sql("INSERT INTO parent_evaluation (match_id, region_code, felt_heard, regained_control, school_cooperation, submitted_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)").params(match, region, score(random, 4), score(random, 4), score(random, 3),
                            ts(at.isBefore(now) ? at : now.minus(Duration.ofDays(1))))
                    .update();
        }
        if (random.nextDouble() < 0.8) {
            Instant at = closed.plus(days(random, 1, 10));
            db.sql("INSERT INTO buddy_evaluation (match_id, region_code, buddy_id, prepared, supported, parent_contact, school_cooperation, "
                    + "parent_in_control, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(match, region, buddy.id(), score(random, 4), score(random, 4), score(random, 4), score(random, 3),
                            score(random, 4), RECORDER, ts(at.isBefore(now) ? at : now.minus(Duration.ofDays(1))))
                    .update();
        }
        return java.util.Optional.of(new Closed(id, match, closed));
    }

    /** A closed intervisie group of eight buddies of the past, meeting every seven weeks, with attendance and themes. */
    private void intervisie(String region, Random random, Instant now, List<Buddy> buddies, List<String> themes) {
        List<Buddy> members = buddies.stream().limit(8).toList();
        if (members.size() < 3) {
            return;
        }
        Instant start = members.get(members.size() - 1).certifiedAt().plus(Duration.ofDays(14));
        UUID group = UUID.randomUUID();
        long number = db.sql("SELECT nextval('intervisie_group_reference_seq')").query(Long.class).single();
        db.sql("INSERT INTO intervisie_group (id, reference, region_code, name, kind, status, created_by, created_at, closed_at) "
                + "VALUES (?, ?, ?, ?, 'INTERVISIE', 'CLOSED', ?, ?, ?)")
                .params(group, "IV-%d-%04d".formatted(year(start), number), region, "Intervisie (afgerond)", RECORDER, ts(start),
                        ts(now.minus(Duration.ofDays(7))))
                .update();
        members.forEach(m -> db.sql("INSERT INTO intervisie_member (group_id, buddy_id, joined_at) VALUES (?, ?, ?)")
                .params(group, m.id(), ts(start)).update());
        for (Instant session = start.plus(Duration.ofDays(21)); session.isBefore(now.minus(Duration.ofDays(14)));
                session = session.plus(Duration.ofDays(49))) {
            UUID id = UUID.randomUUID();
            Instant at = day(session).atTime(19, 30).atZone(clock.getZone()).toInstant();
            db.sql("INSERT INTO intervisie_session (id, group_id, starts_at, ends_at, location, status, planned_by, planned_at, recorded_by, "
                    + "recorded_at) VALUES (?, ?, ?, ?, ?, 'HELD', ?, ?, ?, ?)")
                    .params(id, group, ts(at), ts(at.plus(Duration.ofHours(2))), "Steunpunt, zaal 2", RECORDER, ts(at.minus(Duration.ofDays(30))),
                            RECORDER, ts(at.plus(Duration.ofHours(3))))
                    .update();
            for (Buddy member : members) {
                double r = random.nextDouble();
                db.sql("INSERT INTO intervisie_attendance (session_id, buddy_id, attendance) VALUES (?, ?, ?)")
                        .params(id, member.id(), r < 0.78 ? "PRESENT" : r < 0.9 ? "EXCUSED" : "ABSENT").update();
            }
            for (String theme : new java.util.TreeSet<>(List.of(themes.get(random.nextInt(4)), themes.get(random.nextInt(4))))) {
                db.sql("INSERT INTO intervisie_theme (session_id, theme_code) VALUES (?, ?)").params(id, theme).update();
            }
        }
    }

    /** A case of the past that was closed. */
    private record Closed(UUID request, UUID match, Instant closedAt) {
    }

    /** A buddy of the past: when she was certified, and until when her last match kept her busy. */
    private record Buddy(UUID id, Instant certifiedAt, Instant[] busyUntil) {
        Instant freeFrom() {
            return busyUntil[0];
        }
    }

    private static int score(Random random, int typical) {
        int value = typical + random.nextInt(3) - 1;
        return Math.max(1, Math.min(5, value));
    }

    private static Duration days(Random random, int from, int to) {
        return Duration.ofDays(from + random.nextInt(to - from + 1)).plusMinutes(random.nextInt(8 * 60));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String email(String first, String last, long number) {
        return (first + "." + last).toLowerCase(java.util.Locale.ROOT).replace(" ", "").replace("ç", "c") + "." + number + "@example.org";
    }

    private int year(Instant instant) {
        return instant.atZone(clock.getZone()).getYear();
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDate();
    }

    private Date date(Instant instant) {
        return Date.valueOf(day(instant));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
