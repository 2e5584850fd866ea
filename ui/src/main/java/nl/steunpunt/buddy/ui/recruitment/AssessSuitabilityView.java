package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.Competence;
import nl.steunpunt.buddy.recruitment.CompetenceScore;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** Geschiktheid beoordelen: a score of 1–4 and an optional remark for each competence. */
@Route("taken/geschiktheid-beoordelen")
@RolesAllowed("COORDINATOR")
public class AssessSuitabilityView extends ApplicationTaskScreen {

    private final Map<Competence, RadioButtonGroup<Integer>> scores = new EnumMap<>(Competence.class);
    private final Map<Competence, TextField> remarks = new EnumMap<>(Competence.class);

    public AssessSuitabilityView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock);
    }

    @Override
    protected String formKey() {
        return RecruitmentProcess.Forms.ASSESS_SUITABILITY;
    }

    @Override
    protected Component form(WorkItem item) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        for (Competence competence : Competence.values()) {
            RadioButtonGroup<Integer> score = new RadioButtonGroup<>(getTranslation("competence." + competence.name()));
            score.setId("score-" + competence.name());
            score.setItems(List.of(1, 2, 3, 4));
            score.setItemLabelGenerator(v -> getTranslation("assessment.score." + v));
            score.setRequiredIndicatorVisible(true);
            score.setValue(scores.containsKey(competence) ? scores.get(competence).getValue() : null);
            TextField remark = new TextField();
            remark.setId("remark-" + competence.name());
            remark.setPlaceholder(getTranslation("assessment.remark"));
            remark.setMaxLength(1000);
            remark.setWidthFull();
            scores.put(competence, score);
            remarks.put(competence, remark);
            form.add(score, remark);
        }
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        boolean complete = true;
        Map<Competence, CompetenceScore> assessment = new EnumMap<>(Competence.class);
        for (Competence competence : Competence.values()) {
            RadioButtonGroup<Integer> score = scores.get(competence);
            if (score.getValue() == null) {
                score.setInvalid(true);
                score.setErrorMessage(getTranslation("error.application.assessment.incomplete"));
                complete = false;
            } else {
                score.setInvalid(false);
                assessment.put(competence, new CompetenceScore(competence, score.getValue(), remarks.get(competence).getValue()));
            }
        }
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(new Completion(Map.of(), () -> applications.recordAssessment(applicationId(item), assessment)));
    }
}
