package nl.steunpunt.buddy.ui.intervisie;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.IntervisieRules;
import nl.steunpunt.buddy.intervisie.SessionKind;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The facilitator plans the group's next session: day, times and place; the members are invited. */
@Route("taken/intervisie-plannen")
@RolesAllowed("FACILITATOR")
public class PlanIntervisieView extends IntervisieTaskScreen {

    private SessionForm session;

    public PlanIntervisieView(WorkItems workItems, CurrentActor currentActor, Actors actors, Intervisie intervisie,
            IntervisieCycle cycle, Clock clock) {
        super(workItems, currentActor, actors, intervisie, cycle, clock);
    }

    @Override
    protected String formKey() {
        return IntervisieProcess.Forms.PLAN_INTERVISIE;
    }

    @Override
    protected Component form(WorkItem item) {
        session = new SessionForm(clock);
        IntervisieRules.Applied rules = intervisie.rules(group.region());
        String explain = group.kind() == SessionKind.INTERVISIE
                ? getTranslation("intervisie.session.help", rules.minWeeksBetween(), rules.maxWeeksBetween())
                : getTranslation("intervisie.session.help-exchange");
        VerticalLayout form = new VerticalLayout(new Paragraph(explain), session);
        form.setPadding(false);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        return session.plan().map(plan -> {
            UUID id = UUID.randomUUID();
            UUID groupId = group.id();
            return new Completion(Map.of(IntervisieProcess.Variables.SESSION_ID, id.toString()), () -> intervisie.plan(id, groupId, plan));
        });
    }
}
