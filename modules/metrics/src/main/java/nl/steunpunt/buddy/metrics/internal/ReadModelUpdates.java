package nl.steunpunt.buddy.metrics.internal;

import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.closure.BuddyEvaluationSubmitted;
import nl.steunpunt.buddy.closure.ParentEvaluationSubmitted;
import nl.steunpunt.buddy.intervisie.SessionRecorded;
import nl.steunpunt.buddy.matching.BuddyProposed;
import nl.steunpunt.buddy.matching.CapacityAvailable;
import nl.steunpunt.buddy.matching.HelpRequestWithdrawn;
import nl.steunpunt.buddy.matching.HelpRequested;
import nl.steunpunt.buddy.matching.MatchActivated;
import nl.steunpunt.buddy.matching.MatchHandedOver;
import nl.steunpunt.buddy.matching.PoolCapacityChanged;
import nl.steunpunt.buddy.recruitment.ApplicationRejected;
import nl.steunpunt.buddy.recruitment.ApplicationWithdrawn;
import nl.steunpunt.buddy.recruitment.BuddyApplied;
import nl.steunpunt.buddy.recruitment.BuddySelected;
import nl.steunpunt.buddy.recruitment.VogRegistered;
import nl.steunpunt.buddy.support.ContactRecorded;
import nl.steunpunt.buddy.training.BuddyCertified;
import nl.steunpunt.buddy.training.QualificationExpired;
import nl.steunpunt.buddy.training.RefresherCompleted;
import nl.steunpunt.buddy.workflow.SupportEnded;
import nl.steunpunt.buddy.workflow.TaskChanged;

/**
 * Keeps the read model up to date: each module event refreshes the rows of the lifecycle it names,
 * after the event's transaction committed (the event publication registry redelivers what failed).
 */
@Component
class ReadModelUpdates {

    private final ReadModel model;

    ReadModelUpdates(ReadModel model) {
        this.model = model;
    }

    @ApplicationModuleListener
    void on(BuddyApplied event) {
        model.application(event.applicationId().value());
    }

    @ApplicationModuleListener
    void on(BuddySelected event) {
        model.application(event.applicationId().value());
    }

    @ApplicationModuleListener
    void on(VogRegistered event) {
        model.application(event.applicationId().value());
    }

    @ApplicationModuleListener
    void on(ApplicationRejected event) {
        model.application(event.applicationId().value());
    }

    @ApplicationModuleListener
    void on(ApplicationWithdrawn event) {
        model.application(event.applicationId().value());
    }

    @ApplicationModuleListener
    void on(BuddyCertified event) {
        model.application(event.trainee().value());
        model.buddy(event.trainee().value());
    }

    @ApplicationModuleListener
    void on(RefresherCompleted event) {
        model.buddy(event.trainee().value());
    }

    @ApplicationModuleListener
    void on(QualificationExpired event) {
        model.buddy(event.trainee().value());
    }

    @ApplicationModuleListener
    void on(HelpRequested event) {
        model.helpRequest(event.request().value());
    }

    @ApplicationModuleListener
    void on(HelpRequestWithdrawn event) {
        model.helpRequest(event.request().value());
    }

    @ApplicationModuleListener
    void on(BuddyProposed event) {
        model.helpRequest(event.request().value());
    }

    @ApplicationModuleListener
    void on(MatchActivated event) {
        model.helpRequest(event.request().value());
        model.buddy(event.buddy().value());
    }

    @ApplicationModuleListener
    void on(MatchHandedOver event) {
        model.helpRequest(event.request().value());
    }

    @ApplicationModuleListener
    void on(SupportEnded event) {
        model.helpRequest(event.helpRequest().value());
    }

    /** Published when a match closes (among other moments); the regions' open matches and pools are refreshed. */
    @ApplicationModuleListener
    void on(CapacityAvailable event) {
        model.openHelpRequests(event.regions());
        model.buddies(event.regions());
    }

    @ApplicationModuleListener
    void on(ParentEvaluationSubmitted event) {
        model.evaluation(event.matchId());
    }

    @ApplicationModuleListener
    void on(BuddyEvaluationSubmitted event) {
        model.buddyEvaluation(event.matchId());
    }

    /** A buddy's own maximum, the region's default or the pool itself changed: the region's pool is refreshed. */
    @ApplicationModuleListener
    void on(PoolCapacityChanged event) {
        model.buddies(Set.of(event.region()));
    }

    /** Attendance and themes of the session. */
    @ApplicationModuleListener
    void on(SessionRecorded event) {
        model.session(event.sessionId());
    }

    @ApplicationModuleListener
    void on(ContactRecorded event) {
        model.contactLine(event.lineId());
    }

    @ApplicationModuleListener
    void on(TaskChanged event) {
        model.task(event);
    }
}
