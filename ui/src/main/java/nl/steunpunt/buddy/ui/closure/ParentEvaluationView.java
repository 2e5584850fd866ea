package nl.steunpunt.buddy.ui.closure;

import java.util.Objects;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.EvaluationInvitation;
import nl.steunpunt.buddy.closure.ParentScores;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.LanguageSwitch;
import nl.steunpunt.buddy.ui.base.Notifications;

/**
 * The personal evaluation link from the closure mail: a parent (or young person, in words for them)
 * answers three questions 1–5 and may add a remark. An unknown, used or expired link gets a clear
 * message and stores nothing; nothing of the case is shown.
 */
@Route(value = "evaluatie", autoLayout = false)
@AnonymousAllowed
public class ParentEvaluationView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final Closures closures;
    private String wording = "parent";

    public ParentEvaluationView(Closures closures) {
        this.closures = closures;
        setMaxWidth("50em");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String token) {
        removeAll();
        EvaluationInvitation invitation = closures.invitation(token);
        wording = invitation.kind() == RequesterKind.YOUTH ? "youth" : "parent";
        add(new LanguageSwitch(), new H1(getTranslation("parent-evaluation.title")));
        if (!invitation.isValid()) {
            problem("parent-evaluation.link." + invitation.state().name());
            return;
        }
        Paragraph intro = new Paragraph(getTranslation("parent-evaluation.intro." + wording));
        intro.setId("evaluation-intro");
        Scale heard = new Scale("evaluation-heard", getTranslation("parent-evaluation.heard." + wording));
        Scale control = new Scale("evaluation-control", getTranslation("parent-evaluation.control." + wording));
        Scale school = new Scale("evaluation-school", getTranslation("parent-evaluation.school." + wording));
        TextArea comment = new TextArea(getTranslation("parent-evaluation.comment"));
        comment.setId("evaluation-comment");
        comment.setHelperText(getTranslation("help-form.optional"));
        comment.setMaxLength(Closures.MAX_PARENT_COMMENT);
        comment.setWidthFull();
        Button send = new Button(getTranslation("parent-evaluation.send"));
        send.setId("evaluation-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> {
            Integer[] answers = Stream.of(heard, control, school).map(Scale::answer).toArray(Integer[]::new);
            if (Stream.of(answers).anyMatch(Objects::isNull)) {
                send.setEnabled(true);
                return;
            }
            submit(token, new ParentScores(answers[0], answers[1], answers[2]), comment.getValue());
            send.setEnabled(true);
        });
        add(intro, new Paragraph(getTranslation("closure.scale.explain")), heard, control, school, comment, send);
    }

    private void submit(String token, ParentScores scores, String comment) {
        try {
            closures.submitParentEvaluation(token, scores, comment);
        } catch (TranslatableException e) {
            if (e.messageKey().startsWith("error.closure.link.")) {
                removeAll();
                add(new LanguageSwitch(), new H1(getTranslation("parent-evaluation.title")));
                problem(e.messageKey());
            } else {
                Notifications.error(e);
            }
            return;
        }
        removeAll();
        Paragraph done = new Paragraph(getTranslation("parent-evaluation.done." + wording));
        done.setId("evaluation-done");
        add(new LanguageSwitch(), new H1(getTranslation("parent-evaluation.title")), done);
    }

    private void problem(String key) {
        Paragraph problem = new Paragraph(getTranslation(key));
        problem.setId("evaluation-problem");
        add(problem);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("parent-evaluation.title") + " · " + getTranslation("app.name");
    }
}
