package nl.steunpunt.buddy.ui.inbox;

import java.util.function.Consumer;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;

/** Records that someone withdrew (an applicant, a requester), with the reason; refusals show as a notification. */
public class WithdrawForm extends Composite<VerticalLayout> {

    /**
     * @param explainKey an explanation under the title, or {@code null}
     * @param withdraw   records the withdrawal with the reason given; then the case is shown again
     */
    public WithdrawForm(String titleKey, String explainKey, String actionKey, String reference, Consumer<String> withdraw,
            Runnable afterwards) {
        TextArea reason = new TextArea(getTranslation("withdraw.reason"));
        reason.setId("withdraw-reason");
        reason.setMaxLength(4000);
        reason.setWidthFull();
        Button button = new Button(getTranslation(actionKey), e -> {
            try {
                withdraw.accept(reason.getValue());
                Notifications.success("withdraw.done", reference);
                afterwards.run();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        button.setId("withdraw");
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout form = getContent();
        form.setPadding(false);
        form.add(new H3(getTranslation(titleKey)));
        if (explainKey != null) {
            form.add(new Paragraph(getTranslation(explainKey)));
        }
        form.add(reason, button);
    }
}
