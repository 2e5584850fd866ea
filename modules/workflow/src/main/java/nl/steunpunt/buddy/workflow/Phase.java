package nl.steunpunt.buddy.workflow;

import java.util.Arrays;
import java.util.Optional;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.processes.BuddyOffboardingProcess;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.processes.TrainingProcess;

/**
 * The lifecycle phase a task belongs to, derived from its process. Each process names the
 * variable that holds the ID of its subject (the record of the owning module).
 */
public enum Phase {
    RECRUITMENT(RecruitmentProcess.PROCESS_ID, RecruitmentProcess.Variables.APPLICATION_ID),
    TRAINING(TrainingProcess.PROCESS_ID, TrainingProcess.Variables.TRAINEE_ID),
    MATCHING(MatchingProcess.PROCESS_ID, MatchingProcess.Variables.HELP_REQUEST_ID),
    SUPPORT(SupportProcess.PROCESS_ID, SupportProcess.Variables.MATCH_ID),
    INTERVISIE(IntervisieProcess.PROCESS_ID, IntervisieProcess.Variables.GROUP_ID),
    CLOSURE(ClosureProcess.PROCESS_ID, ClosureProcess.Variables.MATCH_ID),
    OFFBOARDING(BuddyOffboardingProcess.PROCESS_ID, BuddyOffboardingProcess.Variables.BUDDY_ID);

    private final String processKey;
    private final String subjectVariable;

    Phase(String processKey, String subjectVariable) {
        this.processKey = processKey;
        this.subjectVariable = subjectVariable;
    }

    public String processKey() {
        return processKey;
    }

    public String subjectVariable() {
        return subjectVariable;
    }

    public static Optional<Phase> ofProcess(String processKey) {
        return Arrays.stream(values()).filter(p -> p.processKey.equals(processKey)).findFirst();
    }
}
