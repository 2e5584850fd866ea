package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.support.ContactEntry;
import nl.steunpunt.buddy.support.ContactKind;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.NewContact;
import nl.steunpunt.buddy.support.RecordedTheme;
import nl.steunpunt.buddy.support.SignalTheme;
import nl.steunpunt.buddy.support.Signals;
import nl.steunpunt.buddy.ui.matching.MyMatchesView;
import nl.steunpunt.buddy.ui.support.ContactLogView;
import nl.steunpunt.buddy.ui.support.SignalThemesView;

/** The buddy's contact log and the administrator's signal themes, in the browser's place (Karibu). */
class SupportScreensTest extends KaribuTest {

    @Autowired MatchingWorld matching;
    @Autowired SupportWorld support;
    @Autowired ContactLog contactLog;
    @Autowired Signals signals;
    @Autowired JdbcClient db;
    @Autowired Clock clock;

    @Test
    void a_buddy_logs_a_contact_with_themes_on_her_active_match_and_only_she_and_her_coordinator_read_it() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Scene other = matching.scene();
        MatchingWorld.Buddy buddy = matching.certifiedBuddy(scene, buddy("linda"));
        BuddyMatch match = support.activeMatch(scene, buddy);
        assertThat(match.status()).isEqualTo(MatchStatus.ACTIVE);

        openAppAs(buddy.username());
        UI.getCurrent().navigate(MyMatchesView.class);
        _click(_get(Button.class, spec -> spec.withId("contact-log-" + match.reference())));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(ContactLogView.class);

        LocalDate today = LocalDate.now(clock);
        _setValue(_get(DatePicker.class, spec -> spec.withId("contact-date")), today);
        @SuppressWarnings("unchecked")
        Select<ContactKind> kind = _get(Select.class, spec -> spec.withId("contact-kind"));
        _setValue(kind, ContactKind.SCHOOL_MEETING);
        _setValue(_get(IntegerField.class, spec -> spec.withId("contact-minutes")), 45);
        String topics = "Gesprek met de intern begeleider over het ontwikkelingsperspectief " + UUID.randomUUID();
        _setValue(_get(TextArea.class, spec -> spec.withId("contact-topics")), topics);
        @SuppressWarnings("unchecked")
        CheckboxGroup<SignalTheme> themes = _get(CheckboxGroup.class, spec -> spec.withId("contact-themes"));
        _setValue(themes, Set.of(theme("OPP"), theme("ONDERSTEUNING_SCHOOL")));
        _click(_get(Button.class, spec -> spec.withId("contact-save")));

        @SuppressWarnings("unchecked")
        Grid<ContactEntry> grid = _get(Grid.class, spec -> spec.withId("contact-log-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Gesprek op school", "45", topics);
        ContactEntry line = GridKt._get(grid, 0);
        assertThat(line.on()).isEqualTo(today);
        assertThat(line.themes()).extracting(RecordedTheme::code).containsExactlyInAnyOrder("OPP", "ONDERSTEUNING_SCHOOL");
        assertThat(line.correctable()).isTrue();
        // The content lives in the support module only: the engine never saw it.
        assertThat(db.sql("SELECT count(*) FROM act_hi_varinst WHERE text_ LIKE ? OR text2_ LIKE ?")
                .params("%" + topics + "%", "%" + topics + "%").query(Long.class).single()).isZero();

        // Her coordinator reads the log without a form; another region's coordinator may not open it.
        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(ContactLogView.class, match.matchId().toString());
        _assertNone(Button.class, spec -> spec.withId("contact-save"));
        @SuppressWarnings("unchecked")
        Grid<ContactEntry> read = _get(Grid.class, spec -> spec.withId("contact-log-grid"));
        assertThat(GridKt._getFormattedRow(read, 0)).contains(topics);

        openAppAs(other.coordinator());
        UI.getCurrent().navigate(ContactLogView.class, match.matchId().toString());
        assertThat(_get(Paragraph.class, spec -> spec.withId("contact-log-problem")).getText())
                .isEqualTo("Dit valt buiten jouw regio's of rol.");
        _assertNone(Grid.class, spec -> spec.withId("contact-log-grid"));
        assertThatThrownBy(() -> world.as(other.coordinator(), () -> contactLog.logOf(match.matchId())))
                .isInstanceOf(AccessDeniedException.class);

        // Every reading was logged: the buddy's (opening, and again after saving) and the coordinator's.
        List<String> readers = world.as(scene.coordinator(), () -> contactLog.readersOf(match.matchId()));
        assertThat(readers).contains(buddy.username(), scene.coordinator()).doesNotContain(other.coordinator());
    }

    @Test
    void a_future_date_no_duration_an_unknown_theme_or_someone_elses_match_is_refused_and_nothing_is_stored() {
        MatchingWorld.Scene scene = matching.scene();
        List<MatchingWorld.Buddy> buddies = matching.certifiedBuddies(scene, buddy("mies"), buddy("noor"));
        MatchingWorld.Buddy mies = buddies.get(0);
        MatchingWorld.Buddy noor = buddies.get(1);
        BuddyMatch match = support.startingMatch(scene, mies);
        UUID id = match.matchId();
        LocalDate today = LocalDate.now(clock);
        NewContact valid = new NewContact(today, ContactKind.PHONE, 20, "Voorbereiding gesprek", Set.of("THUISZITTEN"));

        // On screen: a date in the future is refused with a message.
        openAppAs(mies.username());
        UI.getCurrent().navigate(ContactLogView.class, id.toString());
        _setValue(_get(DatePicker.class, spec -> spec.withId("contact-date")), today.plusDays(1));
        _setValue(_get(IntegerField.class, spec -> spec.withId("contact-minutes")), 20);
        _click(_get(Button.class, spec -> spec.withId("contact-save")));
        assertThat(NotificationsKt.getNotifications()).extracting((Notification n) -> n.getElement().getProperty("text"))
                .contains("De datum van het contact ligt in de toekomst.");
        NotificationsKt.clearNotifications();

        assertRefused(mies.username(), id, new NewContact(today.plusDays(1), ContactKind.PHONE, 20, null, Set.of()),
                InvalidInputException.class, "error.contact.date.future");
        assertRefused(mies.username(), id, new NewContact(today.minusDays(1), ContactKind.PHONE, 20, null, Set.of()),
                InvalidInputException.class, "error.contact.date.before-match");
        assertRefused(mies.username(), id, new NewContact(today, ContactKind.PHONE, 0, null, Set.of()),
                InvalidInputException.class, "error.contact.minutes");
        assertRefused(mies.username(), id, new NewContact(today, ContactKind.PHONE, 601, null, Set.of()),
                InvalidInputException.class, "error.contact.minutes");
        assertRefused(mies.username(), id, new NewContact(today, ContactKind.PHONE, 20, null, Set.of("THUISZITTEN", "BESTAAT_NIET")),
                InvalidInputException.class, "error.contact.theme.unknown");
        assertRefused(mies.username(), id, new NewContact(today, ContactKind.PHONE, 20, "x".repeat(2001), Set.of()),
                InvalidInputException.class, "error.text.too-long");
        assertRefused(noor.username(), id, valid, AccessDeniedException.class, "error.match.not-your-match");
        assertRefused(scene.coordinator(), id, valid, AccessDeniedException.class, "error.match.not-your-match");
        assertThat(db.sql("SELECT count(*) FROM contact_log WHERE match_id = ?").param(id).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> world.as(noor.username(), () -> contactLog.logOf(id))).isInstanceOf(AccessDeniedException.class);

        // Her own line she may correct within seven days; after that it is immutable.
        long line = world.as(mies.username(), () -> contactLog.record(id, valid));
        world.as(mies.username(), () -> {
            contactLog.correct(line, new NewContact(today, ContactKind.VISIT, 30, "Bezoek thuis", Set.of("THUISZITTEN", "VERVOER")));
            return null;
        });
        ContactEntry corrected = world.as(mies.username(), () -> contactLog.logOf(id)).entries().get(0);
        assertThat(corrected.kind()).isEqualTo(ContactKind.VISIT);
        assertThat(corrected.minutes()).isEqualTo(30);
        assertThat(corrected.themes()).extracting(RecordedTheme::code).containsExactlyInAnyOrder("THUISZITTEN", "VERVOER");
        assertThat(corrected.correctedAt()).isPresent();
        assertThatThrownBy(() -> world.as(noor.username(), () -> {
            contactLog.correct(line, valid);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        db.sql("UPDATE contact_log SET recorded_at = recorded_at - INTERVAL '8 days' WHERE id = ?").param(line).update();
        assertThatThrownBy(() -> world.as(mies.username(), () -> {
            contactLog.correct(line, valid);
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessage("error.contact.correction-period");
        assertThat(world.as(mies.username(), () -> contactLog.logOf(id)).entries().get(0).correctable()).isFalse();
    }

    @Test
    void the_administrator_adds_renames_and_deactivates_a_theme_and_recorded_lines_keep_their_name() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy buddy = matching.certifiedBuddy(scene, buddy("ria"));
        BuddyMatch match = support.startingMatch(scene, buddy);
        String code = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);

        openAppAs(TestWorld.ADMIN);
        UI.getCurrent().navigate(SignalThemesView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("theme-code")), code);
        _setValue(_get(TextField.class, spec -> spec.withId("theme-name")), "Laaggeletterdheid ouders");
        _click(_get(Button.class, spec -> spec.withId("theme-save")));
        assertThat(signals.themes()).contains(new SignalTheme(code, "Laaggeletterdheid ouders", true));

        LocalDate today = LocalDate.now(clock);
        world.as(buddy.username(), () -> contactLog.record(match.matchId(), new NewContact(today, ContactKind.MESSAGE, 5, null, Set.of(code))));

        _setValue(_get(TextField.class, spec -> spec.withId("theme-name")), "Taal en lezen");
        _setValue(_get(Checkbox.class, spec -> spec.withId("theme-active")), false);
        _click(_get(Button.class, spec -> spec.withId("theme-save")));
        assertThat(signals.allThemes()).contains(new SignalTheme(code, "Taal en lezen", false));
        assertThat(signals.themes()).extracting(SignalTheme::code).doesNotContain(code);

        assertThat(world.as(buddy.username(), () -> contactLog.logOf(match.matchId())).entries().get(0).themes())
                .containsExactly(new RecordedTheme(code, "Laaggeletterdheid ouders"));
        assertRefused(buddy.username(), match.matchId(), new NewContact(today, ContactKind.MESSAGE, 5, null, Set.of(code)),
                InvalidInputException.class, "error.contact.theme.unknown");
        assertThatThrownBy(() -> world.as(scene.coordinator(), () -> {
            signals.saveTheme("ANDERS", "Anders", true);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
    }

    private void assertRefused(String username, UUID match, NewContact contact, Class<? extends Exception> type, String key) {
        long before = db.sql("SELECT count(*) FROM contact_log WHERE match_id = ?").param(match).query(Long.class).single();
        assertThatThrownBy(() -> world.as(username, () -> contactLog.record(match, contact))).isInstanceOf(type).hasMessage(key);
        assertThat(db.sql("SELECT count(*) FROM contact_log WHERE match_id = ?").param(match).query(Long.class).single()).isEqualTo(before);
    }

    private SignalTheme theme(String code) {
        return signals.themes().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }
}
