package nl.steunpunt.buddy.ui.base;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;
import nl.steunpunt.buddy.shared.TranslatableException;

/**
 * Shown when opening a screen fails: a translated message and, for unexpected failures, an incident
 * code that matches the log — never a stack trace.
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        TranslatableException known = SessionSetup.find(parameter.getCaughtException());
        String text;
        int status;
        if (known != null) {
            text = getTranslation(known.messageKey(), known.arguments());
            status = HttpServletResponse.SC_BAD_REQUEST;
        } else {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.error("Opening {} failed, incident {}", event.getLocation().getPath(), incident, parameter.getCaughtException());
            text = getTranslation("error.unexpected", incident);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        Paragraph message = new Paragraph(text);
        message.setId("page-problem");
        add(new H2(getTranslation("error.page.title")), message, new Anchor("", getTranslation("error.page.home")));
        return status;
    }
}
