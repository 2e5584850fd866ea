package nl.steunpunt.buddy.ui.training;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.training.Trainee;
import nl.steunpunt.buddy.training.TrainingStatus;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.base.Notifications;

/** The qualification of every buddy in my regions: in training, certified (refresher due) or expired. */
@Route("scholing/kwalificaties")
@RolesAllowed({ "COORDINATOR", "TRAINER" })
@Menu(order = 4, title = "menu.qualifications")
public class QualificationsView extends VerticalLayout implements HasDynamicTitle {

    private final Training training;
    private final Grid<Trainee> grid = new Grid<>();

    public QualificationsView(Training training, CurrentActor currentActor) {
        this.training = training;
        Actor actor = currentActor.require();
        setSizeFull();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale());
        grid.setId("qualifications-grid");
        grid.addColumn(Trainee::reference).setKey("reference").setHeader(getTranslation("applications.column.reference")).setAutoWidth(true);
        grid.addColumn(Trainee::name).setKey("name").setHeader(getTranslation("applications.column.name")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("training.status." + t.status().name())).setKey("status")
                .setHeader(getTranslation("application.status")).setAutoWidth(true);
        grid.addColumn(t -> t.modulesAttended() + " / " + t.modulesRequired()).setKey("modules")
                .setHeader(getTranslation("qualifications.modules")).setAutoWidth(true);
        grid.addColumn(t -> t.refresherDue().map(format::format).orElse("")).setKey("refresher")
                .setHeader(getTranslation("qualifications.refresher-due")).setAutoWidth(true);
        grid.addComponentColumn(t -> refresherButton(actor, t)).setKey("actions").setHeader("").setAutoWidth(true);
        add(new H2(getTranslation("qualifications.title")), grid);
        grid.setItems(training.trainees());
    }

    private Component refresherButton(Actor actor, Trainee trainee) {
        if (trainee.status() == TrainingStatus.EXPIRED && actor.hasRoleIn(Role.COORDINATOR, trainee.region())) {
            return new Button(getTranslation("qualifications.recertify"), e -> {
                try {
                    training.recertify(trainee.id());
                    Notifications.success("qualifications.recertifying", trainee.name());
                    grid.setItems(training.trainees());
                } catch (TranslatableException ex) {
                    Notifications.error(ex);
                }
            });
        }
        if (trainee.status() != TrainingStatus.CERTIFIED || !actor.hasRoleIn(Role.TRAINER, trainee.region())) {
            return new Span();
        }
        return new Button(getTranslation("qualifications.record-refresher"), e -> {
            try {
                training.recordRefresher(trainee.id());
                Notifications.success("qualifications.refresher-recorded", trainee.name());
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("qualifications.title") + " · " + getTranslation("app.name");
    }
}
