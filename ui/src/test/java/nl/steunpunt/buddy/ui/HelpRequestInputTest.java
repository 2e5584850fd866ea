package nl.steunpunt.buddy.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.steunpunt.buddy.matching.Channel;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.MatchingWorld.RequestBuilder;
import nl.steunpunt.buddy.ui.MatchingWorld.Scene;

/** The help request form is checked at the service: bad input is refused with its own key and stores nothing. */
class HelpRequestInputTest extends ApplicationTest {

    @Autowired TestWorld world;
    @Autowired MatchingWorld matching;
    @Autowired HelpRequests requests;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient db;
    @Autowired TestClock clock;

    @AfterEach
    void tearDown() {
        world.signOut();
    }

    @Test
    void invalid_public_requests_are_refused_with_their_own_key_and_store_nothing() {
        Scene scene = matching.scene();
        HelpRequestId open = matching.request(scene).email("Moeder.Jansen@Example.org").submit();

        Map<String, UnaryOperator<RequestBuilder>> bad = new LinkedHashMap<>();
        bad.put("error.application.consent.required", r -> r.consent(false));
        bad.put("error.application.email.invalid", r -> r.email("geen-adres"));
        bad.put("error.help-request.place.unknown", r -> r.place("Atlantis"));
        bad.put("error.help-request.meeting-date.invalid", r -> r.meetingOn(LocalDate.now(clock).minusDays(1)));
        bad.put("error.text.too-long", r -> r.question("x".repeat(4001)));
        bad.put("error.help-request.duplicate", r -> r.email("moeder.jansen@example.ORG"));
        bad.put("error.help-request.question.required", r -> r.question("   "));
        bad.put("error.application.problem-areas.required", r -> r.areas());
        bad.put("error.help-request.language.invalid", r -> r.language("nederlands"));
        bad.put("error.help-request.name.invalid", r -> r.name("Ouder\u202Egnilleps"));
        bad.put("error.application.region.unknown", r -> r.region(new RegionCode("NOPE-1")));

        long before = rows();
        long inRegion = rows(scene.region());
        for (var entry : bad.entrySet()) {
            NewHelpRequest input = entry.getValue().apply(matching.request(scene)).build();
            assertThatThrownBy(() -> requests.submit(input, UUID.randomUUID())).as(entry.getKey())
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((TranslatableException) e).messageKey()).isEqualTo(entry.getKey()));
            assertThat(rows()).as("rows after %s", entry.getKey()).isEqualTo(before);
        }
        assertThat(rows(scene.region())).isEqualTo(inRegion).isEqualTo(1);

        // The limits themselves are allowed: 4000 characters, a meeting today.
        HelpRequestId longest = matching.request(scene).question("x".repeat(4000)).meetingOn(LocalDate.now(clock)).submit();
        assertThat(requests.status(longest)).isEqualTo(HelpRequestStatus.INTAKE);
        assertThat(requests.status(open)).isEqualTo(HelpRequestStatus.INTAKE);
        assertThat(rows()).isEqualTo(before + 1);
    }

    @Test
    void the_same_form_sent_twice_is_one_request_with_one_process() {
        Scene scene = matching.scene();
        UUID key = UUID.randomUUID();
        NewHelpRequest form = matching.request(scene).build();
        long before = rows(scene.region());

        HelpRequestId first = requests.submit(form, key);
        HelpRequestId again = requests.submit(form, key);

        assertThat(again).isEqualTo(first);
        assertThat(rows(scene.region())).isEqualTo(before + 1);
        String reference = requests.contact(first).orElseThrow().reference();
        matching.awaitTask(scene.coordinator(), first, MatchingProcess.TASK_INTAKE_REQUEST);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .processInstanceBusinessKey(reference).count()).isEqualTo(1);
        assertThatThrownBy(() -> requests.submit(form, UUID.randomUUID())).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((TranslatableException) e).messageKey()).isEqualTo("error.help-request.duplicate"));
        assertThat(rows(scene.region())).isEqualTo(before + 1);
    }

    @Test
    void a_coordinator_registers_a_phoned_in_request_without_e_mail_in_her_own_region_only() {
        Scene scene = matching.scene();
        Scene other = matching.scene();
        NewHelpRequest byPhone = new NewHelpRequest(RequesterKind.PARENT, "Vader Pietersen", null, "030 123 45 67", scene.region(),
                SchoolLevel.VO, Set.of(ProblemArea.SCHORSING_VERWIJDERING), "nl", Urgency.HIGH, null, null, "Zeist",
                "Mijn dochter is geschorst.", true, "nl");
        long before = rows();

        assertThatThrownBy(() -> requests.submit(byPhone, UUID.randomUUID())).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((TranslatableException) e).messageKey()).isEqualTo("error.application.email.invalid"));
        world.signIn(other.coordinator());
        assertThatThrownBy(() -> requests.register(byPhone, Channel.PHONE, UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);
        assertThat(rows()).isEqualTo(before);

        world.signIn(scene.coordinator());
        HelpRequestId id = requests.register(byPhone, Channel.PHONE, UUID.randomUUID());
        var details = requests.open(id);
        assertThat(details.channel()).isEqualTo(Channel.PHONE);
        assertThat(details.email()).isEmpty();
        assertThat(details.phone()).contains("030 123 45 67");
        assertThat(rows()).isEqualTo(before + 1);
        world.signOut();
        matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_INTAKE_REQUEST);
    }

    private long rows() {
        return db.sql("SELECT count(*) FROM help_request").query(Long.class).single();
    }

    private long rows(RegionCode region) {
        return db.sql("SELECT count(*) FROM help_request WHERE region_code = ?").param(region.value()).query(Long.class).single();
    }
}
