package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;

import nl.steunpunt.buddy.audit.AuditEntry;
import nl.steunpunt.buddy.audit.AuditFilter;
import nl.steunpunt.buddy.audit.AuditLog;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.AuditEvent;
import nl.steunpunt.buddy.shared.AuditEvent.Action;
import nl.steunpunt.buddy.shared.AuditEvent.SubjectType;
import nl.steunpunt.buddy.shared.AuditTrail;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.ui.admin.AuditLogView;
import nl.steunpunt.buddy.ui.base.HomeView;

/** The audit log: what is written when a case file is opened, that nobody can rewrite it, and who may search it. */
class AuditLogTest extends KaribuTest {

    @Autowired MatchingWorld matching;
    @Autowired HelpRequests requests;
    @Autowired AuditTrail audit;
    @Autowired AuditLog auditLog;
    @Autowired CurrentActor currentActor;
    @Autowired JdbcClient db;
    @Autowired nl.steunpunt.buddy.training.Training training;
    @Autowired nl.steunpunt.buddy.matching.Matchmaking matchmaking;

    @Test
    void opening_a_help_request_records_a_view_with_who_in_which_role_and_region() {
        MatchingWorld.Scene scene = matching.scene();
        HelpRequestId request = matching.request(scene).submit();
        String coordinatorId = world.as(scene.coordinator(), () -> currentActor.require().userId());

        world.as(scene.coordinator(), () -> requests.open(request));

        List<Map<String, Object>> views = db.sql("SELECT user_id, roles, regions, subject_type, region_code, at FROM audit_log "
                + "WHERE subject_id = ? AND action = 'VIEW'").param(request.value().toString()).query().listOfRows();
        assertThat(views).hasSize(1);
        Map<String, Object> view = views.get(0);
        assertThat(view.get("user_id")).isEqualTo(coordinatorId);
        assertThat(view.get("roles")).isEqualTo("COORDINATOR");
        assertThat(view.get("regions")).isEqualTo(scene.region().value());
        assertThat(view.get("subject_type")).isEqualTo("HELP_REQUEST");
        assertThat(view.get("region_code")).isEqualTo(scene.region().value());
        assertThat(view.get("at")).isNotNull();
    }

    @Test
    void a_buddy_s_training_file_and_pool_record_are_audited_when_looked_at_and_changed() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy buddy = matching.certifiedBuddy(scene, MatchingWorld.buddy("audit-" + scene.region().value().toLowerCase()));
        String id = buddy.id().value().toString();
        String trainerId = world.as(scene.trainer(), () -> currentActor.require().userId());
        String coordinatorId = world.as(scene.coordinator(), () -> currentActor.require().userId());
        long before = db.sql("SELECT count(*) FROM audit_log WHERE subject_id = ? AND subject_type = 'BUDDY'").param(id).query(Long.class).single();

        world.as(scene.trainer(), () -> training.signOffs(buddy.id()));
        world.as(scene.coordinator(), () -> {
            matchmaking.saveBuddyProfile(buddy.id(), null, java.util.Set.of("De Regenboog"), 2);
            return null;
        });

        List<Map<String, Object>> entries = db.sql("SELECT user_id, action, region_code FROM audit_log WHERE subject_id = ? "
                + "AND subject_type = 'BUDDY' ORDER BY id OFFSET ?").params(id, before).query().listOfRows();
        assertThat(entries).extracting(e -> e.get("user_id") + " " + e.get("action") + " " + e.get("region_code"))
                .containsExactly(trainerId + " VIEW " + scene.region().value(), coordinatorId + " CHANGE " + scene.region().value());
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE subject_id = ? AND subject_type = 'BUDDY' AND action = 'CHANGE' "
                + "AND id <= (SELECT max(id) FROM audit_log WHERE subject_id = ? AND action = 'VIEW')").params(id, id)
                .query(Long.class).single()).as("the training round and certification were recorded as changes").isPositive();
    }

    @Test
    void an_entry_cannot_be_updated_deleted_or_truncated_even_by_the_application_s_own_connection() {
        MatchingWorld.Scene scene = matching.scene();
        HelpRequestId request = matching.request(scene).submit();
        world.as(scene.coordinator(), () -> requests.open(request));
        long id = db.sql("SELECT id FROM audit_log WHERE subject_id = ? AND action = 'VIEW'").param(request.value().toString())
                .query(Long.class).single();
        String before = row(id);

        assertThatThrownBy(() -> db.sql("UPDATE audit_log SET user_id = 'someone-else', action = 'CHANGE' WHERE id = ?").param(id).update())
                .hasStackTraceContaining("audit_log is append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM audit_log WHERE id = ?").param(id).update())
                .hasStackTraceContaining("audit_log is append-only");
        assertThatThrownBy(() -> db.sql("TRUNCATE audit_log").update())
                .hasStackTraceContaining("audit_log is append-only");

        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void only_an_administrator_may_search_the_audit_log() {
        MatchingWorld.Scene scene = matching.scene();
        for (String user : List.of(scene.coordinator(), scene.trainer())) {
            assertThatThrownBy(() -> world.as(user, () -> auditLog.search(AuditFilter.all(), 0, 10)))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("error.audit.admin-only");
            assertThatThrownBy(() -> world.as(user, () -> auditLog.count(AuditFilter.all())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        world.signOut();
        assertThatThrownBy(() -> auditLog.search(AuditFilter.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);

        HelpRequestId request = matching.request(scene).submit();
        world.as(scene.coordinator(), () -> requests.open(request));
        AuditFilter ofRequest = AuditFilter.all().withSubjectId(request.value().toString());
        String coordinatorId = world.as(scene.coordinator(), () -> currentActor.require().userId());
        List<AuditEntry> found = world.as(scene.admin(), () -> auditLog.search(ofRequest, 0, 10));
        assertThat(world.as(scene.admin(), () -> auditLog.count(ofRequest))).isEqualTo(found.size());
        assertThat(found).filteredOn(e -> e.action() == Action.VIEW)
                .extracting(AuditEntry::userId).containsExactly(java.util.Optional.of(coordinatorId));
    }

    @Test
    void the_administrator_s_view_finds_the_entries_of_one_case_file_newest_first() {
        MatchingWorld.Scene scene = matching.scene();
        HelpRequestId first = matching.request(scene).submit();
        HelpRequestId second = matching.request(scene).submit();
        world.as(scene.coordinator(), () -> requests.open(first));
        world.as(scene.coordinator(), () -> requests.open(second));
        world.as(scene.colleague(), () -> {
            audit.record(AuditEvent.changed(SubjectType.HELP_REQUEST, first.value(), scene.region()));
            return null;
        });
        String coordinatorId = world.as(scene.coordinator(), () -> currentActor.require().userId());
        String colleagueId = world.as(scene.colleague(), () -> currentActor.require().userId());

        openAppAs(scene.admin());
        UI.getCurrent().navigate(HomeView.class);
        List<String> menu = _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
        assertThat(menu).contains("Auditlog");
        UI.getCurrent().navigate(AuditLogView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("audit-subject-id")), first.value().toString());

        Grid<AuditEntry> grid = grid();
        List<AuditEntry> rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
        assertThat(rows).isNotEmpty().allSatisfy(e -> assertThat(e.subjectId()).isEqualTo(first.value().toString()));
        assertThat(rows).noneMatch(e -> e.subjectId().equals(second.value().toString()));
        assertThat(rows.get(0).action()).isEqualTo(Action.CHANGE);
        assertThat(rows.get(0).userId()).contains(colleagueId);
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(Action.VIEW);
            assertThat(e.userId()).contains(coordinatorId);
        });
        assertThat(rows).isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()));
    }

    @Test
    void a_coordinator_cannot_open_the_audit_view() {
        MatchingWorld.Scene scene = matching.scene();
        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).doesNotContain("Auditlog");
        UI.getCurrent().navigate(AuditLogView.class);
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(AuditLogView.class);
    }

    private String row(long id) {
        return db.sql("SELECT concat_ws('|', at, user_id, roles, regions, action, subject_type, subject_id, region_code) FROM audit_log "
                + "WHERE id = ?").param(id).query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEntry> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-grid"));
    }
}
