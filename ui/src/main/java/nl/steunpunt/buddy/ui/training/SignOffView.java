package nl.steunpunt.buddy.ui.training;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.TrainingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.training.CatalogueItem;
import nl.steunpunt.buddy.training.Judgement;
import nl.steunpunt.buddy.training.SignOff;
import nl.steunpunt.buddy.training.Trainee;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Competenties aftekenen: the trainer judges every competence (met / not yet met, a remark when not
 * yet met) and sees the earlier sign-offs of this trainee. Lines are stored as a new round.
 */
@Route("taken/competenties-aftekenen")
@RolesAllowed("TRAINER")
public class SignOffView extends TaskScreen {

    private final Training training;
    private final Clock clock;
    private final Map<String, RadioButtonGroup<Boolean>> judgements = new LinkedHashMap<>();
    private final Map<String, TextField> remarks = new LinkedHashMap<>();

    public SignOffView(WorkItems workItems, CurrentActor currentActor, Actors actors, Training training, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.training = training;
        this.clock = clock;
    }

    @Override
    protected String formKey() {
        return TrainingProcess.Forms.SIGN_OFF;
    }

    @Override
    protected boolean showsCaseNotes() {
        return false;
    }

    @Override
    protected Component caseFile(WorkItem item) {
        ApplicationId trainee = ApplicationId.of(item.subjectId());
        VerticalLayout file = new VerticalLayout();
        file.setPadding(false);
        file.setId("trainee-file");
        String name = training.trainees().stream().filter(t -> t.id().equals(trainee)).map(Trainee::name).findFirst().orElse("");
        file.add(new H3(getTranslation("sign-off.trainee", name, item.caseReference())));
        List<SignOff> earlier = training.signOffs(trainee);
        file.add(new H3(getTranslation("sign-off.earlier")));
        if (earlier.isEmpty()) {
            file.add(new Span(getTranslation("sign-off.none")));
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale());
        for (SignOff line : earlier) {
            Span span = new Span(getTranslation("sign-off.line", line.round(), line.competenceName(),
                    getTranslation(line.met() ? "sign-off.met" : "sign-off.not-met"), line.remark() == null ? "" : line.remark(),
                    line.signedBy(), format.format(line.signedAt().atZone(clock.getZone())),
                    line.corrects().map(id -> getTranslation("sign-off.correction", id)).orElse("")));
            span.addClassName("sign-off-line");
            file.add(span);
        }
        return file;
    }

    @Override
    protected Component form(WorkItem item) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        judgements.clear();
        remarks.clear();
        for (CatalogueItem competence : training.competences()) {
            RadioButtonGroup<Boolean> met = new RadioButtonGroup<>(competence.name());
            met.setId("met-" + competence.code());
            met.setItems(Boolean.TRUE, Boolean.FALSE);
            met.setItemLabelGenerator(v -> getTranslation(v ? "sign-off.met" : "sign-off.not-met"));
            met.setRequiredIndicatorVisible(true);
            TextField remark = new TextField();
            remark.setId("remark-" + competence.code());
            remark.setPlaceholder(getTranslation("sign-off.remark"));
            remark.setMaxLength(1000);
            remark.setWidthFull();
            judgements.put(competence.code(), met);
            remarks.put(competence.code(), remark);
            form.add(met, remark);
        }
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        boolean ok = true;
        List<Judgement> lines = new ArrayList<>();
        for (var entry : judgements.entrySet()) {
            RadioButtonGroup<Boolean> met = entry.getValue();
            TextField remark = remarks.get(entry.getKey());
            met.setInvalid(false);
            remark.setInvalid(false);
            if (met.getValue() == null) {
                met.setInvalid(true);
                met.setErrorMessage(getTranslation("error.sign-off.incomplete"));
                ok = false;
            } else if (!met.getValue() && remark.getValue().isBlank()) {
                remark.setInvalid(true);
                remark.setErrorMessage(getTranslation("error.sign-off.remark.required"));
                ok = false;
            } else {
                lines.add(new Judgement(entry.getKey(), met.getValue(), remark.getValue()));
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        boolean allMet = lines.stream().allMatch(Judgement::met);
        ApplicationId trainee = ApplicationId.of(item.subjectId());
        return Optional.of(new Completion(Map.of(TrainingProcess.Variables.ALL_MET, allMet), () -> {
            if (training.signOff(trainee, lines) != allMet) {
                throw new IllegalStateException("Sign-off outcome differs from the form");
            }
        }));
    }
}
