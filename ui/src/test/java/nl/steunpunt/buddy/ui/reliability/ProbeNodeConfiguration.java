package nl.steunpunt.buddy.ui.reliability;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.notification.Mail;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.Mailer;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.ui.base.BuddyI18NProvider;
import nl.steunpunt.buddy.ui.base.SessionSetup;
import nl.steunpunt.buddy.workflow.internal.SideEffectLedger;

/**
 * What a node of {@link ClusterReliabilityTest} has besides the application: the probe process's delegate
 * (a mail per step through the real ledger and outbox) and commands on standard input that submit help
 * requests through the real service (optionally holding the transaction open), and pause or resume the job
 * executor. Answers are lines {@code PROBE <id> OK|ERROR|HOLDING|WORKING …} on standard output. Active only
 * with {@code buddy.reliability.probe=true}, which only the test's node processes set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("buddy.reliability.probe")
class ProbeNodeConfiguration {

    static final String REGION = "REL";
    static final Map<String, MailTemplate> STEP_MAILS = Map.of("Task_Step1", MailTemplate.VOG_REQUEST, "Task_Step2",
            MailTemplate.VOG_REMINDER, "Task_Step3", MailTemplate.APPLICATION_WITHDRAWN);
    private static final long HOLD_MILLIS = 10 * 60 * 1000;

    private final String node;

    ProbeNodeConfiguration(@Value("${buddy.node-name}") String node) {
        this.node = node;
    }

    /** One mail per step, once per job; holds the job open (after its effect) on the node the process names. */
    @Bean
    JavaDelegate reliabilityProbeDelegate(SideEffectLedger ledger, Mailer mailer) {
        return execution -> {
            String key = execution.getProcessBusinessKey();
            MailTemplate template = STEP_MAILS.get(execution.getCurrentActivityId());
            ledger.onceForStep(execution, "mail", () -> mailer.send(new Mail("probe@example.org", Locale.forLanguageTag("nl"), template,
                    Map.of("name", "Probe", "reference", key, "link", "-", "date", "-", "time", "-", "place", "-", "reason", "-"), key)));
            if (node.equals(execution.getVariable("holdOn")) && "Task_Step1".equals(execution.getCurrentActivityId())) {
                say("PROBE-JOB HOLDING " + key);
                Thread.sleep(HOLD_MILLIS);
            }
        };
    }

    @Bean
    ProbeCommands probeCommands(HelpRequests requests, PlatformTransactionManager transactions, ProcessEngine engine,
            SessionSetup errors) {
        return new ProbeCommands(requests, new TransactionTemplate(transactions),
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), errors);
    }

    static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Reads commands from standard input, one per line: {@code <command> <id> [argument]}. */
    static final class ProbeCommands {

        private final HelpRequests requests;
        private final TransactionTemplate transaction;
        private final ProcessEngineConfigurationImpl engine;
        private final SessionSetup errors;

        ProbeCommands(HelpRequests requests, TransactionTemplate transaction, ProcessEngineConfigurationImpl engine, SessionSetup errors) {
            this.requests = requests;
            this.transaction = transaction;
            this.engine = engine;
            this.errors = errors;
        }

        @EventListener(ApplicationReadyEvent.class)
        void listen() {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String[] words = line.trim().split(" ");
                        if (words.length >= 2) {
                            Thread worker = new Thread(() -> run(words), "probe-" + words[1]);
                            worker.setDaemon(true);
                            worker.start();
                        }
                    }
                } catch (Exception e) {
                    say("PROBE-STDIN " + e);
                }
            }, "probe-commands");
            reader.setDaemon(true);
            reader.start();
            say("PROBE-READY");
        }

        private void run(String[] words) {
            String id = words[1];
            try {
                switch (words[0]) {
                    case "submit" -> say("PROBE " + id + " OK " + submit(id));
                    case "submit-hold" -> transaction.executeWithoutResult(tx -> {
                        submit(id);
                        say("PROBE " + id + " HOLDING");
                        sleep(HOLD_MILLIS);
                    });
                    case "submit-slow" -> {
                        transaction.executeWithoutResult(tx -> {
                            submit(id);
                            say("PROBE " + id + " WORKING");
                            sleep(Long.parseLong(words[2]));
                        });
                        say("PROBE " + id + " OK");
                    }
                    case "pause-jobs" -> {
                        engine.getJobExecutor().shutdown();
                        say("PROBE " + id + " OK");
                    }
                    case "resume-jobs" -> {
                        engine.getJobExecutor().start();
                        say("PROBE " + id + " OK");
                    }
                    default -> say("PROBE " + id + " ERROR unknown command " + words[0]);
                }
            } catch (RuntimeException e) {
                say("PROBE " + id + " ERROR " + errors.messageFor(e, BuddyI18NProvider.DUTCH));
            }
        }

        private HelpRequestId submit(String id) {
            return requests.submit(new NewHelpRequest(RequesterKind.PARENT, "Ouder " + id, id + "@example.org", null,
                    new RegionCode(REGION), SchoolLevel.PO, EnumSet.of(ProblemArea.THUISZITTER), "nl", Urgency.NORMAL, null, null, null,
                    "Mijn zoon zit al maanden thuis. Wie helpt ons bij het gesprek met school?", true, "nl"),
                    UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)));
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
