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

/** Inhaalsessie plannen: the trainee missed a session; the coordinator arranges a make-up. */
@Route("taken/inhaalsessie-plannen")
@RolesAllowed("COORDINATOR")
public class PlanMakeUpView extends NoteTaskScreen {

    public PlanMakeUpView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock, "training.make-up");
    }

    @Override
    protected String formKey() {
        return TrainingProcess.Forms.PLAN_MAKE_UP;
    }
}
