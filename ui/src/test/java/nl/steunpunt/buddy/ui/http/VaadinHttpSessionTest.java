package nl.steunpunt.buddy.ui.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.VaadinServletContext;

import jakarta.servlet.ServletContext;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.base.NoPolymerTemplates;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItemQuery.Scope;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The HTTP driver itself: sign-in, bootstrap, clicks, field changes and navigation change server state as a browser's would. */
class VaadinHttpSessionTest extends HttpApplicationTest {

    static final RegionCode REGION = new RegionCode("HTTP-1");
    static final String COORDINATOR = "http.coordinator";
    static final String OTHER_BUDDY = "http.buddy";

    @Autowired TestWorld world;
    @Autowired Regions regions;
    @Autowired LocalAccounts accounts;
    @Autowired WorkItems workItems;
    @Autowired ServletContext servletContext;

    @BeforeEach
    void accounts() {
        world.ensure();
        regions.save(new Region(REGION, "Regio HTTP"));
        accounts.save(COORDINATOR, "Coördinator HTTP", TestWorld.PASSWORD, Set.of(Role.COORDINATOR), Set.of(REGION));
        accounts.save(OTHER_BUDDY, "Buddy HTTP", TestWorld.PASSWORD, Set.of(Role.BUDDY), Set.of(REGION));
    }

    @Test
    void a_wrong_password_is_refused_and_the_right_one_signs_in() throws Exception {
        assertThat(newUser().signIn(COORDINATOR, "wrong-password")).isFalse();
        assertThat(newUser().signIn(COORDINATOR, TestWorld.PASSWORD)).isTrue();
    }

    @Test
    void without_signing_in_the_inbox_route_shows_the_login_form() throws Exception {
        VaadinHttpSession anonymous = newUser().open("inbox");

        assertThat(anonymous.byId("inbox-grid")).isEmpty();
        assertThat(anonymous.byTag("vaadin-login-form")).isNotEmpty();
    }

    @Test
    void a_coordinator_sees_her_inbox_claims_a_task_with_a_click_and_the_task_is_hers() throws Exception {
        ApplicationId application = world.apply(REGION);
        WorkItem task = world.awaitTask(COORDINATOR, application);
        VaadinHttpSession user = newUser();
        user.signIn(COORDINATOR, TestWorld.PASSWORD);

        user.open("inbox");
        assertThat(user.text("inbox-total")).matches("\\d+ taken");
        user.call(user.require("inbox-grid"), "setViewportRange", 0, 50);
        VaadinHttpSession.GridRow row = user.row("inbox-grid", "id", task.id()).orElseThrow();
        assertThat(row.is("claim")).as("a free task offers to claim it").isTrue();
        user.callRenderer(row, "claim");

        assertThat(world.as(COORDINATOR, () -> workItems.get(task.id())).orElseThrow().assignee()).hasValue(COORDINATOR);
        assertThat(user.notifications()).singleElement().satisfies(notice -> {
            assertThat(notice.isError()).isFalse();
            assertThat(notice.text()).startsWith("Je hebt de taak").endsWith("opgepakt.");
        });
        assertThat(user.row("inbox-grid", "id", task.id())).as("the row now offers to give the task back")
                .hasValueSatisfying(mine -> assertThat(mine.is("unclaim") && !mine.is("claim")).isTrue());

        // giving it back from the same row: the row (sent again on its own) offers to claim it once more
        user.callRenderer(user.row("inbox-grid", "id", task.id()).orElseThrow(), "unclaim");
        assertThat(world.as(COORDINATOR, () -> workItems.get(task.id())).orElseThrow().assignee()).isEmpty();
        assertThat(user.row("inbox-grid", "id", task.id())).as("the row offers to claim it again")
                .hasValueSatisfying(free -> assertThat(free.is("claim") && !free.is("unclaim")).isTrue());
    }

    @Test
    void a_field_change_filters_the_inbox_and_a_button_navigates_to_the_task_screen_and_back() throws Exception {
        ApplicationId application = world.apply(REGION);
        WorkItem task = world.awaitTask(COORDINATOR, application);
        VaadinHttpSession user = newUser();
        user.signIn(COORDINATOR, TestWorld.PASSWORD);
        user.open("inbox");
        String all = user.text("inbox-total");

        long mine = world.as(COORDINATOR, () -> workItems.count(WorkItemQuery.inbox().withScope(Scope.MINE)));
        long everything = world.as(COORDINATOR, () -> workItems.count(WorkItemQuery.inbox()));
        assertThat(all).isEqualTo(everything + " taken");

        user.setProperty("filter-scope", "value", selectKey(user, "filter-scope", "Mijn taken"));
        assertThat(mine).isLessThan(everything);
        assertThat(user.text("inbox-total")).isEqualTo(mine + " taken");

        user.call(user.require("inbox-grid"), "setViewportRange", 0, 50);
        user.setProperty("filter-scope", "value", selectKey(user, "filter-scope", "Alle taken van mijn regio's"));
        user.call(user.require("inbox-grid"), "setViewportRange", 0, 50);
        user.callRenderer(user.row("inbox-grid", "id", task.id()).orElseThrow(), "open");
        assertThat(user.text("task-meta")).contains(task.caseReference());
        assertThat(user.byId("case-timeline")).isPresent();

        user.setProperty("task-note", "value", "Gebeld, terugbellen op maandag");
        user.click("add-note");
        assertThat(world.as(COORDINATOR, () -> workItems.history(task.caseReference())))
                .anySatisfy(entry -> assertThat(entry.toString()).contains("Gebeld, terugbellen op maandag"));

        user.navigate("inbox");
        assertThat(user.byId("inbox-grid")).isPresent();
        assertThat(user.byId("task-meta")).isEmpty();
    }

    @Test
    void a_request_for_rows_beyond_an_inbox_that_emptied_meanwhile_is_answered_without_an_error() throws Exception {
        RegionCode empty = new RegionCode("HTTP-EMPTY");
        regions.save(new Region(empty, "Regio zonder taken"));
        accounts.save("http.empty", "Coördinator zonder taken", TestWorld.PASSWORD, Set.of(Role.COORDINATOR), Set.of(empty));
        VaadinHttpSession user = newUser();
        user.signIn("http.empty", TestWorld.PASSWORD);
        user.open("inbox");
        user.call(user.require("inbox-grid"), "setViewportRange", 0, 50);
        assertThat(user.text("inbox-total")).isEqualTo("0 taken");

        // a browser that still knew a longer list asks for its second page: Vaadin's own data communicator fails here
        // (IndexOutOfBoundsException in collectKeysToFlush, vaadin/flow#19503) and she saw "something went wrong"
        user.call(user.require("inbox-grid"), "setViewportRange", 50, 50);

        assertThat(user.notifications()).noneSatisfy(notice -> assertThat(notice.isError()).isTrue());
        assertThat(user.rows("inbox-grid")).filteredOn(row -> row.value("id").isPresent()).isEmpty();
    }

    @Test
    void the_browser_calls_arguments_are_decoded_without_searching_the_class_path() {
        // Vaadin looks this service up for every argument the browser sends; without a registered one it runs a
        // ServiceLoader over every jar each time
        @SuppressWarnings("deprecation")
        Object handler = new VaadinServletContext(servletContext).getAttribute(Lookup.class)
                .lookup(com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler.class);
        assertThat(handler).isInstanceOf(NoPolymerTemplates.class);
    }

    @Test
    void a_buddy_who_opens_the_inbox_gets_no_inbox() throws Exception {
        VaadinHttpSession buddy = newUser();
        buddy.signIn(OTHER_BUDDY, TestWorld.PASSWORD);

        buddy.open("inbox");

        assertThat(buddy.byId("inbox-grid")).isEmpty();
    }

    /** The value a Select sends for the item with this label: the key of the item element that shows it. */
    static String selectKey(VaadinHttpSession user, String selectId, String label) {
        return user.all(n -> "vaadin-select-item".equals(n.tag()) && user.text(n).trim().equals(label)).stream()
                .findFirst().flatMap(n -> n.property("value").or(() -> n.attribute("value")))
                .orElseThrow(() -> new AssertionError("no option '" + label + "' in " + selectId + ": "
                        + user.byTag("vaadin-select-item").stream().map(user::text).toList()));
    }
}
