package nl.steunpunt.buddy.ui.process;

import java.time.Clock;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.workflow.CaseDiagrams;

/**
 * The process diagrams of one case by its reference, on their own page: for administrators (who
 * come from an incident) and coordinators (whose case views show the same section).
 */
@Route("procesdiagram")
@RolesAllowed({ "COORDINATOR", "ADMIN" })
public class CaseDiagramView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final CaseDiagrams diagrams;
    private final Clock clock;
    private String reference = "";

    public CaseDiagramView(CaseDiagrams diagrams, Clock clock) {
        this.diagrams = diagrams;
        this.clock = clock;
        setMaxWidth("80em");
    }

    @Override
    public void setParameter(BeforeEvent event, String caseReference) {
        reference = caseReference == null ? "" : caseReference;
        removeAll();
        add(new H2(getTranslation("diagram.page", reference)));
        add(new CaseDiagramPanel(diagrams, reference, clock.getZone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("diagram.page", reference) + " · " + getTranslation("app.name");
    }
}
