package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;

import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItems;

/** VOG navragen: six weeks without a VOG; the coordinator contacts the applicant and notes what was agreed. */
@Route("taken/vog-navragen")
@RolesAllowed("COORDINATOR")
public class ChaseVogView extends NoteTaskScreen {

    public ChaseVogView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock, "vog.chase");
    }

    @Override
    protected String formKey() {
        return RecruitmentProcess.Forms.CHASE_VOG;
    }
}
