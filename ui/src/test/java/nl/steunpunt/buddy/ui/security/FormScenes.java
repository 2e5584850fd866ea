package nl.steunpunt.buddy.ui.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.inbox.TaskForms;
import nl.steunpunt.buddy.ui.security.BadInputFormsTest.Visit;
import nl.steunpunt.buddy.ui.security.RouteAccessMatrixTest.Visitor;

/**
 * The screens {@link BadInputFormsTest} drives, each with a real subject behind it: the access
 * matrix's world (region A with its buddies, a live match, a closed case, intervisie groups) for the
 * case files and the buddy's pages, and an open task of every form key for the task screens, opened
 * by a user of the task's candidate group (or its assignee).
 */
@Component
class FormScenes {

    private final AccessFixtures fixtures;
    private final FormTasks tasks;
    private final TaskService taskService;
    private final LocalAccounts accounts;
    private final JdbcClient db;

    FormScenes(AccessFixtures fixtures, FormTasks tasks, TaskService taskService, LocalAccounts accounts, JdbcClient db) {
        this.db = db;
        this.fixtures = fixtures;
        this.tasks = tasks;
        this.taskService = taskService;
        this.accounts = accounts;
    }

    /** One visit per registered route (not the task routes) that a role of the policy may open, with real IDs. */
    List<List<Visit>> routeVisits(Map<String, Class<?>> routes, Map<String, Set<Visitor>> policy) {
        AccessFixtures.World world = fixtures.world();
        AccessFixtures.Subject s = world.mine();
        List<List<Visit>> visits = new ArrayList<>();
        for (var route : routes.entrySet()) {
            String key = RouteAccessMatrixTest.policyKey(route.getKey());
            if (key.startsWith("taken/")) {
                continue;
            }
            Set<Visitor> allowed = policy.getOrDefault(key, Set.of());
            // A public page as the visitor it is for; any other as each role that may open it.
            List<Visitor> visitors = allowed.contains(Visitor.ANONYMOUS) && !key.isEmpty() ? List.of(Visitor.ANONYMOUS)
                    : Arrays.stream(Visitor.values()).filter(v -> v != Visitor.ANONYMOUS && allowed.contains(v)).toList();
            String id = switch (key) {
                case "aanmeldingen/:id" -> s.buddy().id().value().toString();
                case "scholing/sessie/:id" -> s.place().trainingSession().toString();
                case "hulpvragen/:id" -> s.request().value().toString();
                case "koppelingen/:id", "mijn-koppelingen/begeleiding/:id", "mijn-koppelingen/log/:id" -> s.match().toString();
                case "procesdiagram/:id" -> s.reference();
                case "hulpvraag/intrekken/:id?" -> openWithdrawToken(s);
                case "evaluatie/:id?" -> s.parentToken();
                default -> null;
            };
            String location = Arrays.stream(route.getKey().split("/"))
                    .filter(segment -> !segment.startsWith(":") || id != null)
                    .map(segment -> segment.startsWith(":") ? id : segment)
                    .collect(Collectors.joining("/"));
            visits.add(visitors.stream().map(v -> new Visit(v == Visitor.ANONYMOUS ? null
                    : world.account(ServiceAccessMatrixTest.Caller.valueOf(v.name())), location, route.getValue())).toList());
        }
        return visits;
    }

    /** The withdrawal link of a request still open (the proposed one; the matrix's own link is of an active match). */
    private String openWithdrawToken(AccessFixtures.Subject s) {
        return db.sql("SELECT withdraw_token FROM help_request WHERE id = ?").param(s.proposedRequest().value()).query(String.class).single();
    }

    /** One visit per task screen: an open task of its form key, opened by its assignee or a member of its candidate group. */
    List<Visit> taskVisits(Map<String, Class<?>> routes) {
        fixtures.world();
        tasks.ensure();
        Set<String> users = new LinkedHashSet<>(fixtures.world().accounts().values());
        users.addAll(tasks.users());
        users.addAll(List.of(TestWorld.COORDINATOR_A, TestWorld.MANAGER_A, TestWorld.TRAINER_A));
        Map<Class<?>, Visit> visits = new LinkedHashMap<>();
        for (Task task : taskService.createTaskQuery().active().initializeFormKeys().orderByTaskCreateTime().desc().list()) {
            if (task.getFormKey() == null) {
                continue;
            }
            Optional<Class<com.vaadin.flow.component.Component>> screen = TaskForms.screenFor(task.getFormKey()).map(c -> (Class) c);
            if (screen.isEmpty() || visits.containsKey(screen.get())) {
                continue;
            }
            Optional<String> user = userFor(task, users);
            if (user.isEmpty()) {
                continue;
            }
            String template = routes.entrySet().stream().filter(r -> r.getValue() == screen.get()).map(Map.Entry::getKey).findFirst()
                    .orElseThrow();
            String location = template.substring(0, template.indexOf("/:")) + "/" + task.getId();
            visits.put(screen.get(), new Visit(user.get(), location, screen.get()));
        }
        return new ArrayList<>(visits.values());
    }

    List<String> taskFailures() {
        return tasks.failures();
    }

    private Optional<String> userFor(Task task, Set<String> users) {
        if (task.getAssignee() != null) {
            return accounts.account(task.getAssignee()).isPresent() ? Optional.of(task.getAssignee()) : Optional.empty();
        }
        Set<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).collect(Collectors.toSet());
        for (String user : users) {
            Optional<Actor> actor = accounts.account(user);
            if (actor.isPresent() && actor.get().candidateGroups().stream().anyMatch(groups::contains)) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }
}
