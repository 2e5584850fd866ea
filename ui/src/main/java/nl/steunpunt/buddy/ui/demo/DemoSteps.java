package nl.steunpunt.buddy.ui.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.ui.security.BuddyUser;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * What the demo seeders do as people do it: act as a demo account (through the same services and
 * access checks as the screens) and wait for the engine's asynchronous steps.
 */
@Component
@Profile("demo")
class DemoSteps {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final LocalAccounts accounts;
    private final WorkItems workItems;
    private final Clock clock;

    DemoSteps(LocalAccounts accounts, WorkItems workItems, Clock clock) {
        this.accounts = accounts;
        this.workItems = workItems;
        this.clock = clock;
    }

    /** From now on this thread acts as the demo account. */
    void signIn(String username) {
        Actor actor = accounts.account(username).orElseThrow();
        BuddyUser user = new BuddyUser(actor, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** Waits until the condition holds; gives up with a message naming what it waited for. */
    void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = clock.instant().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("Demo: waited too long for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Waits for the acting user's open task of this BPMN ID about this subject (an ID: a request, match, group …). */
    WorkItem awaitTask(Object subject, String definitionKey) throws InterruptedException {
        WorkItem[] found = new WorkItem[1];
        await(() -> {
            found[0] = workItems.find(WorkItemQuery.inbox(), 0, 500).stream()
                    .filter(t -> subject.toString().equals(t.subjectId()) && t.definitionKey().equals(definitionKey)).findFirst().orElse(null);
            return found[0] != null;
        }, definitionKey);
        return found[0];
    }
}
