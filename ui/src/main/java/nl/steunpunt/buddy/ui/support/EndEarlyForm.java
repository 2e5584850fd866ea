package nl.steunpunt.buddy.ui.support;

import java.util.Arrays;
import java.util.UUID;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.workflow.SupportActions;

/** Ends a match early (parent or buddy stops): a closure reason is required, a note is optional. */
public class EndEarlyForm extends Composite<VerticalLayout> {

    public EndEarlyForm(SupportActions support, UUID matchId, Runnable afterwards) {
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setId("end-early");
        Select<ClosureReason> reason = new Select<>();
        reason.setLabel(getTranslation("support.end-early.reason"));
        reason.setId("end-early-reason");
        reason.setItems(Arrays.asList(ClosureReason.values()));
        reason.setItemLabelGenerator(r -> getTranslation("closure.reason." + r.name()));
        TextArea note = new TextArea(getTranslation("support.end-early.note"));
        note.setId("end-early-note");
        note.setMaxLength(4000);
        note.setWidthFull();
        Button end = new Button(getTranslation("support.end-early"), e -> {
            try {
                support.endEarly(matchId, reason.getValue(), note.getValue());
                Notifications.success("support.end-early.done");
                afterwards.run();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        end.setId("end-early-submit");
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        root.add(new H3(getTranslation("support.end-early.title")), new Paragraph(getTranslation("support.end-early.explain")), reason,
                note, end);
    }
}
