package nl.steunpunt.buddy.ui.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.FailedJob;
import nl.steunpunt.buddy.workflow.Incidents;

/**
 * Demo only: the "register" that the demo's {@code DemoIncidentProcess} updates. It refuses the
 * engine's automatic attempts (so the job fails and an incident appears under <em>Storingen</em>)
 * and accepts the next one, which is the administrator's retry. After a restart it learns from the
 * open incidents which updates already failed, so the retry still succeeds.
 */
@Component("demoRegister")
@Profile("demo")
public class DemoRegister {

    /** The engine's default: three attempts, then an incident. */
    static final int AUTOMATIC_ATTEMPTS = 3;
    private static final String ADMIN = "beheerder";
    private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);

    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Incidents incidents;
    private final DemoSteps steps;
    private final LocalAccounts accounts;

    DemoRegister(Incidents incidents, DemoSteps steps, LocalAccounts accounts) {
        this.incidents = incidents;
        this.steps = steps;
        this.accounts = accounts;
    }

    /** Called by the demo process's service task. */
    public void update(String reference) {
        int attempt = attempts.merge(reference, 1, Integer::sum);
        if (attempt <= AUTOMATIC_ATTEMPTS) {
            throw new IllegalStateException("Demo: het demoregister is niet bereikbaar (poging " + attempt + " voor " + reference
                    + ").\nDit is een bewust veroorzaakte storing; opnieuw proberen onder Storingen lukt.");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rememberFailedUpdates() {
        if (accounts.account(ADMIN).isEmpty()) {
            return;
        }
        try {
            steps.signIn(ADMIN);
            for (FailedJob job : incidents.list()) {
                if (job.retries() == 0 && "DemoIncidentProcess".equals(job.processKey())) {
                    job.caseReference().ifPresent(reference -> attempts.put(reference, AUTOMATIC_ATTEMPTS));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Demo: could not read the open incidents", e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
