package nl.steunpunt.buddy.ui.training;

import java.time.Clock;

import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.TrainingProcess;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.ui.recruitment.NoteTaskScreen;
import nl.steunpunt.buddy.workflow.WorkItems;

/** Voortgang scholing bespreken: no progress for weeks; the coordinator gets in touch. */
@Route("taken/voortgang-scholing")
@RolesAllowed("COORDINATOR")
public class CheckTrainingProgressView extends NoteTaskScreen {

    public CheckTrainingProgressView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock, "training.progress");
    }

    @Override
    protected String formKey() {
        return TrainingProcess.Forms.CHECK_TRAINING_PROGRESS;
    }
}
