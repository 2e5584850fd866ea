package nl.steunpunt.buddy.ui.inbox;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;

import nl.steunpunt.buddy.shared.TranslatableException;

/**
 * A case opened by the ID in its URL: the owning module opens (and logs) it; a malformed or unknown
 * ID, or one of another region, shows a translated problem instead of the case, never an error page.
 *
 * @param <D> the case file as its module returns it
 */
public abstract class CaseView<D> extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final String notFoundKey;
    private final String problemId;
    private D details;

    protected CaseView(String notFoundKey, String problemId) {
        this.notFoundKey = notFoundKey;
        this.problemId = problemId;
        setMaxWidth("60em");
    }

    /** Opens the case; throws {@link IllegalArgumentException} for a malformed ID. */
    protected abstract D open(String id);

    /** Shows the case file and what can be done with it. */
    protected abstract void render(D details);

    /** The reference shown as the page title. */
    protected abstract String reference(D details);

    /** The page title while no case is open. */
    protected abstract String listTitle();

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        try {
            details = open(id);
        } catch (IllegalArgumentException e) {
            showProblem(getTranslation(notFoundKey));
            return;
        } catch (TranslatableException e) {
            showProblem(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        refresh(details);
    }

    /** Shows the case again, e.g. after a change. */
    protected void refresh(D opened) {
        details = opened;
        removeAll();
        render(opened);
    }

    private void showProblem(String message) {
        Paragraph problem = new Paragraph(message);
        problem.setId(problemId);
        add(new H2(getTranslation("task.unavailable")), problem);
    }

    @Override
    public String getPageTitle() {
        return (details == null ? listTitle() : reference(details)) + " · " + getTranslation("app.name");
    }
}
