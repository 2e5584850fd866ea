package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.TestWorld.ADMIN;
import static nl.steunpunt.buddy.ui.TestWorld.BUDDY_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_B;
import static nl.steunpunt.buddy.ui.TestWorld.MANAGER_A;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_A;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_B;
import static nl.steunpunt.buddy.ui.TestWorld.TRAINER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import nl.steunpunt.buddy.matching.Channel;
import nl.steunpunt.buddy.matching.Criterion;
import nl.steunpunt.buddy.matching.HelpRequestDetails;
import nl.steunpunt.buddy.matching.HelpRequestFilter;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequestSummary;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.PoolBuddy;
import nl.steunpunt.buddy.matching.RegionMatchingSettings;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.ui.matching.BuddyPoolView;
import nl.steunpunt.buddy.ui.matching.MatchingSettingsView;
import nl.steunpunt.buddy.ui.matching.MyMatchesView;
import nl.steunpunt.buddy.ui.matching.PublicHelpRequestView;
import nl.steunpunt.buddy.ui.matching.RegisterHelpRequestView;
import nl.steunpunt.buddy.ui.matching.WaitingListView;
import nl.steunpunt.buddy.ui.matching.WithdrawHelpRequestView;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The screens of hulpvraag en koppeling that do not need certified buddies: the public form and
 * the coordinator's registration, the withdrawal link, the waiting list of a region without free
 * buddies, the buddy pool, the matching settings, the buddy's empty overview, and who may open what.
 */
class MatchingAdminScreensTest extends KaribuTest {

    @Autowired HelpRequests helpRequests;
    @Autowired MatchingWorld matchingWorld;
    @Autowired Matchmaking matchmaking;
    @Autowired WorkItems workItems;

    @Test
    void the_public_form_stores_nothing_without_consent_and_thanks_the_parent_once_it_is_given() {
        long before = requestsIn(REGION_A);
        openAppAnonymously();
        UI.getCurrent().navigate(PublicHelpRequestView.class);

        assertThat(_find(TextArea.class, spec -> spec.withId("help-question"))).as("nothing to fill in before choosing").isEmpty();
        fillPublicForm(RequesterKind.PARENT, "ouder-" + UUID.randomUUID() + "@example.org");
        _setValue(_get(Checkbox.class, spec -> spec.withId("help-consent")), false);
        _click(_get(Button.class, spec -> spec.withId("help-submit")));

        assertThat(notificationTexts()).contains("Zonder toestemming kunnen we je aanmelding niet verwerken.");
        assertThat(requestsIn(REGION_A)).isEqualTo(before);

        _setValue(_get(Checkbox.class, spec -> spec.withId("help-consent")), true);
        _click(_get(Button.class, spec -> spec.withId("help-submit")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("help-request-thanks")).getText()).startsWith("Dank je wel!");
        assertThat(requestsIn(REGION_A)).isEqualTo(before + 1);
    }

    @Test
    void a_young_person_is_spoken_to_in_other_words_than_a_parent() {
        openAppAnonymously();
        UI.getCurrent().navigate(PublicHelpRequestView.class);
        RadioButtonGroup<RequesterKind> kind = kindChoice();

        _setValue(kind, RequesterKind.PARENT);
        String parentIntro = _get(Paragraph.class, spec -> spec.withId("help-intro")).getText();
        String parentQuestion = _get(TextArea.class, spec -> spec.withId("help-question")).getLabel();
        String parentSchool = _get(TextField.class, spec -> spec.withId("help-school")).getLabel();
        _setValue(kind, RequesterKind.YOUTH);
        String youthIntro = _get(Paragraph.class, spec -> spec.withId("help-intro")).getText();
        String youthQuestion = _get(TextArea.class, spec -> spec.withId("help-question")).getLabel();
        String youthSchool = _get(TextField.class, spec -> spec.withId("help-school")).getLabel();

        assertThat(parentIntro).contains("je kind").isNotEqualTo(youthIntro);
        assertThat(youthIntro).doesNotContain("je kind");
        assertThat(parentQuestion).contains("je kind").isNotEqualTo(youthQuestion);
        assertThat(parentSchool).isEqualTo("Naam van de school van je kind");
        assertThat(youthSchool).isEqualTo("Naam van je school");

        fillPublicForm(RequesterKind.YOUTH, "jongere-" + UUID.randomUUID() + "@example.org");
        _click(_get(Button.class, spec -> spec.withId("help-submit")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("help-request-thanks")).getText()).startsWith("Goed dat je dit hebt gedaan!");
    }

    @Test
    void a_coordinator_registers_a_request_taken_by_phone_with_a_phone_number_only() {
        String name = "Beller " + UUID.randomUUID().toString().substring(0, 8);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(RegisterHelpRequestView.class);

        @SuppressWarnings("unchecked")
        Select<Channel> channel = _get(Select.class, spec -> spec.withId("help-channel"));
        assertThat(channel.getValue()).isEqualTo(Channel.PHONE);
        @SuppressWarnings("unchecked")
        Select<Region> region = _get(Select.class, spec -> spec.withId("help-region"));
        assertThat(region.getListDataView().getItems().map(Region::code)).containsExactly(REGION_A);
        fillSituation(name);
        _click(_get(Button.class, spec -> spec.withId("help-submit")));
        assertThat(notificationTexts()).contains("Vul een e-mailadres of telefoonnummer in.");
        assertThat(requestsNamed(name)).isEmpty();

        NotificationsKt.clearNotifications();
        _setValue(_get(TextField.class, spec -> spec.withId("help-phone")), "06 12345678");
        _click(_get(Button.class, spec -> spec.withId("help-submit")));

        assertThat(notificationTexts()).contains("De hulpvraag is geregistreerd.");
        List<HelpRequestSummary> stored = requestsNamed(name);
        assertThat(stored).singleElement().satisfies(r -> assertThat(r.region()).isEqualTo(REGION_A));
        HelpRequestDetails details = world.as(COORDINATOR_A, () -> helpRequests.open(stored.get(0).id()));
        assertThat(details.channel()).isEqualTo(Channel.PHONE);
        assertThat(details.email()).isEmpty();
        assertThat(details.phone()).contains("06 12345678");
    }

    @Test
    void only_coordinators_open_the_matching_screens_only_administrators_the_settings_and_only_buddies_their_matches() {
        for (String user : List.of(BUDDY_A, TRAINER_A, MANAGER_A, ADMIN)) {
            for (Class<? extends Component> view : List.of(RegisterHelpRequestView.class, WaitingListView.class, BuddyPoolView.class)) {
                assertRefused(user, view);
            }
        }
        for (String user : List.of(COORDINATOR_A, BUDDY_A, MANAGER_A)) {
            assertRefused(user, MatchingSettingsView.class);
        }
        for (String user : List.of(COORDINATOR_A, ADMIN)) {
            assertRefused(user, MyMatchesView.class);
        }
    }

    @Test
    void the_administrator_saves_settings_that_read_back_and_all_zero_weights_are_refused() {
        RegionMatchingSettings previous = world.as(ADMIN, () -> matchmaking.settings(REGION_B));
        Set<RegionCode> previousNeighbours = world.as(ADMIN, () -> matchmaking.neighbours(REGION_B));
        try {
            openAppAs(ADMIN);
            UI.getCurrent().navigate(MatchingSettingsView.class);
            chooseRegion(REGION_B);
            weight(Criterion.PROBLEM_AREAS, 50);
            weight(Criterion.SCHOOL_LEVEL, 20);
            weight(Criterion.LANGUAGE, 10);
            weight(Criterion.DISTANCE, 10);
            weight(Criterion.AVAILABILITY, 15);
            _setValue(_get(IntegerField.class, spec -> spec.withId("settings-max-distance")), 30);
            _setValue(_get(IntegerField.class, spec -> spec.withId("settings-max-matches")), 3);
            @SuppressWarnings("unchecked")
            MultiSelectComboBox<Region> neighbours = _get(MultiSelectComboBox.class, spec -> spec.withId("settings-neighbours"));
            assertThat(neighbours.getListDataView().getItems().map(Region::code)).contains(REGION_A).doesNotContain(REGION_B);
            _setValue(neighbours, Set.of(neighbours.getListDataView().getItems().filter(r -> r.code().equals(REGION_A)).findFirst().orElseThrow()));
            assertThat(_get(Paragraph.class, spec -> spec.withId("weights-sum")).getText()).isEqualTo("Hoogst haalbare score: 105");
            _click(_get(Button.class, spec -> spec.withId("settings-save")));

            assertThat(notificationTexts()).contains("Koppelinstellingen van Testregio B opgeslagen.");
            RegionMatchingSettings saved = world.as(ADMIN, () -> matchmaking.settings(REGION_B));
            assertThat(saved.weights().weight(Criterion.PROBLEM_AREAS)).isEqualTo(50);
            assertThat(saved.weights().maximum()).isEqualTo(105);
            assertThat(saved.weights().maxDistanceKm()).isEqualTo(30.0);
            assertThat(saved.maxMatches()).isEqualTo(3);
            assertThat(world.as(ADMIN, () -> matchmaking.neighbours(REGION_B))).containsExactly(REGION_A);

            UI.getCurrent().navigate(MatchingSettingsView.class);
            chooseRegion(REGION_B);
            assertThat(weightField(Criterion.AVAILABILITY).getValue()).isEqualTo(15);
            assertThat(_get(IntegerField.class, spec -> spec.withId("settings-max-matches")).getValue()).isEqualTo(3);
            assertThat(_get(Paragraph.class, spec -> spec.withId("weights-sum")).getText()).isEqualTo("Hoogst haalbare score: 105");

            NotificationsKt.clearNotifications();
            for (Criterion criterion : Criterion.values()) {
                weight(criterion, 0);
            }
            _click(_get(Button.class, spec -> spec.withId("settings-save")));
            assertThat(notificationTexts()).contains("Geef ten minste één criterium een gewicht.");
            assertThat(world.as(ADMIN, () -> matchmaking.settings(REGION_B)).weights().maximum()).isEqualTo(105);
        } finally {
            world.as(ADMIN, () -> {
                matchmaking.saveSettings(REGION_B, previous.weights().weights(), previous.weights().maxDistanceKm(), previous.maxMatches());
                matchmaking.saveNeighbours(REGION_B, previousNeighbours);
                return null;
            });
        }
    }

    @Test
    void the_withdrawal_link_withdraws_once_and_an_unknown_link_gets_a_friendly_message() {
        openAppAnonymously();
        UI.getCurrent().navigate(WithdrawHelpRequestView.class, "geen-bestaande-link");
        assertThat(_get(Paragraph.class, spec -> spec.withId("withdraw-problem")).getText()).startsWith("We kunnen deze hulpvraag niet vinden.");
        assertThat(_find(Button.class, spec -> spec.withId("withdraw-confirm"))).isEmpty();
        UI.getCurrent().navigate("hulpvraag/intrekken");
        assertThat(_get(Paragraph.class, spec -> spec.withId("withdraw-problem")).getText()).startsWith("We kunnen deze hulpvraag niet vinden.");

        HelpRequestId id = helpRequests.submit(newRequest(REGION_A, "intrekker-" + UUID.randomUUID() + "@example.org"), UUID.randomUUID());
        HelpRequests.RequesterContact contact = helpRequests.contact(id).orElseThrow();
        UI.getCurrent().navigate(WithdrawHelpRequestView.class, contact.withdrawToken());
        assertThat(_get(Paragraph.class, spec -> spec.withId("withdraw-about")).getText()).contains(contact.reference());
        _setValue(_get(TextArea.class, spec -> spec.withId("withdraw-reason")), "Het gaat nu goed op school");
        _click(_get(Button.class, spec -> spec.withId("withdraw-confirm")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("withdraw-done")).getText()).contains(contact.reference());
        assertThat(helpRequests.status(id)).isEqualTo(HelpRequestStatus.WITHDRAWN);
        UI.getCurrent().navigate(WithdrawHelpRequestView.class, contact.withdrawToken());
        assertThat(_get(Paragraph.class, spec -> spec.withId("withdraw-problem")).getText())
                .isEqualTo("Hulpvraag " + contact.reference() + " is al afgesloten of ingetrokken. Je hoeft niets meer te doen.");
    }

    @Test
    void a_request_without_free_buddies_waits_and_the_coordinator_sees_why_and_that_the_batch_leaves_it_waiting() {
        // A region of its own without any buddy: nothing can be proposed.
        MatchingWorld.Scene scene = matchingWorld.scene();
        HelpRequestId id = matchingWorld.request(scene).level(SchoolLevel.VO).areas(ProblemArea.AUTISME).submit();
        matchingWorld.intake(scene.coordinator(), id);
        matchingWorld.awaitStatus(id, HelpRequestStatus.WAITING);
        String reference = helpRequests.contact(id).orElseThrow().reference();

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(WaitingListView.class);
        @SuppressWarnings("unchecked")
        Grid<HelpRequestSummary> grid = _get(Grid.class, spec -> spec.withId("waiting-grid"));
        List<HelpRequestSummary> rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
        assertThat(rows).extracting(HelpRequestSummary::reference).containsExactly(reference);

        _click((Button) GridKt._getCellComponent(grid, 0, "actions"));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("propose-dialog"));
        assertThat(dialog.getHeaderTitle()).isEqualTo("Buddy voorstellen voor " + reference);
        assertThat(_find(Paragraph.class, spec -> spec.withId("no-candidates"))).hasSize(1);
        _click(_get(Button.class, spec -> spec.withId("propose-cancel")));

        _click(_get(Button.class, spec -> spec.withId("compute-batch")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("batch-stay")).getText()).contains(reference);
        assertThat(helpRequests.status(id)).isEqualTo(HelpRequestStatus.WAITING);
    }

    @Test
    void the_coordinator_sees_the_pool_of_her_own_regions_and_edits_a_buddys_matching_profile() {
        MatchingWorld.Scene scene = matchingWorld.scene();
        MatchingWorld.Scene other = matchingWorld.scene();
        MatchingWorld.Buddy buddy = matchingWorld.certifiedBuddy(scene, MatchingWorld.buddy("pool"));

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(BuddyPoolView.class);
        @SuppressWarnings("unchecked")
        Grid<PoolBuddy> grid = _get(Grid.class, spec -> spec.withId("pool-grid"));
        assertThat(IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList())
                .singleElement().satisfies(b -> {
                    assertThat(b.id()).isEqualTo(buddy.id());
                    assertThat(b.qualified()).isTrue();
                    assertThat(b.hasAccount()).isTrue();
                });

        openAppAs(other.coordinator());
        UI.getCurrent().navigate(BuddyPoolView.class);
        @SuppressWarnings("unchecked")
        Grid<PoolBuddy> otherGrid = _get(Grid.class, spec -> spec.withId("pool-grid"));
        assertThat(GridKt._size(otherGrid)).as("another region's buddies are not shown").isZero();
    }

    @Test
    void a_buddy_without_proposals_or_matches_gets_a_friendly_empty_overview() {
        MatchingWorld.Scene scene = matchingWorld.scene();
        String fresh = matchingWorld.buddyAccount(scene, "nieuw");
        openAppAs(fresh);
        UI.getCurrent().navigate(MyMatchesView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("my-proposals-empty")).getText())
                .startsWith("Er staan nu geen voorstellen voor je klaar.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("my-matches-empty")).getText()).startsWith("Je hebt nog geen koppelingen.");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void assertRefused(String user, Class<? extends Component> view) {
        openAppAs(user);
        UI.getCurrent().navigate(view);
        assertThat(UI.getCurrent().getCurrentView()).as("%s opens %s", user, view.getSimpleName()).isNotInstanceOf(view);
        assertThatThrownBy(() -> _assertOne(view)).as("%s is refused %s", user, view.getSimpleName())
                .hasStackTraceContaining("Access is denied");
        closeApp();
    }

    private void fillPublicForm(RequesterKind who, String email) {
        _setValue(kindChoice(), who);
        fillSituation(who == RequesterKind.YOUTH ? "Sam" : "Ouder Publiek");
        _setValue(_get(EmailField.class, spec -> spec.withId("help-email")), email);
        @SuppressWarnings("unchecked")
        Select<Region> region = _get(Select.class, spec -> spec.withId("help-region"));
        _setValue(region, region.getListDataView().getItems().filter(r -> r.code().equals(REGION_A)).findFirst().orElseThrow());
    }

    private void fillSituation(String name) {
        _setValue(_get(TextField.class, spec -> spec.withId("help-name")), name);
        @SuppressWarnings("unchecked")
        Select<SchoolLevel> level = _get(Select.class, spec -> spec.withId("help-school-level"));
        _setValue(level, SchoolLevel.VO);
        @SuppressWarnings("unchecked")
        CheckboxGroup<ProblemArea> areas = _get(CheckboxGroup.class, spec -> spec.withId("help-problem-areas"));
        _setValue(areas, Set.of(ProblemArea.THUISZITTER));
        _setValue(_get(TextArea.class, spec -> spec.withId("help-question")), "Mijn zoon zit al drie weken thuis.");
        _setValue(_get(Checkbox.class, spec -> spec.withId("help-consent")), true);
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<RequesterKind> kindChoice() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("help-kind"));
    }

    private void chooseRegion(RegionCode code) {
        @SuppressWarnings("unchecked")
        Select<Region> region = _get(Select.class, spec -> spec.withId("settings-region"));
        _setValue(region, region.getListDataView().getItems().filter(r -> r.code().equals(code)).findFirst().orElseThrow());
    }

    private void weight(Criterion criterion, int value) {
        _setValue(weightField(criterion), value);
    }

    private IntegerField weightField(Criterion criterion) {
        return _get(IntegerField.class, spec -> spec.withId("weight-" + criterion.name()));
    }

    private Optional<WorkItem> task(String user, HelpRequestId request, String definitionKey) {
        return world.as(user, () -> workItems.find(WorkItemQuery.inbox().withPhase(Optional.of(Phase.MATCHING)), 0, 1000)).stream()
                .filter(t -> t.subjectId().equals(request.toString()) && t.definitionKey().equals(definitionKey)).findFirst();
    }

    private boolean hasTask(String user, HelpRequestId request, String definitionKey) {
        return task(user, request, definitionKey).isPresent();
    }

    private NewHelpRequest newRequest(RegionCode region, String email) {
        return new NewHelpRequest(RequesterKind.PARENT, "Test Ouder", email, null, region, SchoolLevel.VO, Set.of(ProblemArea.AUTISME), "nl",
                Urgency.NORMAL, null, null, null, "Mijn dochter loopt vast.", true, "nl");
    }

    private long requestsIn(RegionCode region) {
        return world.as(region.equals(REGION_A) ? COORDINATOR_A : COORDINATOR_B, () -> helpRequests.count(
                new HelpRequestFilter(Optional.empty(), Optional.of(region), false, Optional.empty())));
    }

    private List<HelpRequestSummary> requestsNamed(String name) {
        return world.as(COORDINATOR_A, () -> helpRequests.search(
                new HelpRequestFilter(Optional.empty(), Optional.empty(), false, Optional.of(name)), 0, 100));
    }

    private static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map((Notification n) -> n.getElement().getProperty("text")).toList();
    }
}
