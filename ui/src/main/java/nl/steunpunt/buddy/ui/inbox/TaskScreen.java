package nl.steunpunt.buddy.ui.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.workflow.TaskGoneException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The frame of every task screen: the task and its case, the form of the concrete screen, complete,
 * claim / give back, a note, and the case timeline. A task that is gone or belongs to another
 * region shows a translated message, never an error page.
 */
public abstract class TaskScreen extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** What completing the form does: routing flags for the process and the domain change. */
    public record Completion(Map<String, Object> routing, Runnable domainAction) {
    }

    protected final WorkItems workItems;
    protected final CurrentActor currentActor;
    private final Actors actors;
    private final ZoneId zone;
    private WorkItem item;
    private final Button complete = new Button();

    protected TaskScreen(WorkItems workItems, CurrentActor currentActor, Actors actors, ZoneId zone) {
        this.workItems = workItems;
        this.currentActor = currentActor;
        this.actors = actors;
        this.zone = zone;
        setMaxWidth("60em");
        // Once: the screen renders again after claiming, giving back or assigning, and one press is one completion.
        complete.addClickListener(e -> complete());
    }

    /** The form key this screen completes. */
    protected abstract String formKey();

    /** The case file panel; opening it is logged by the owning module. */
    protected abstract Component caseFile(WorkItem item);

    /** The form fields. */
    protected abstract Component form(WorkItem item);

    /** Validates the form; empty when a field is invalid (the field then shows why). */
    protected abstract Optional<Completion> completion(WorkItem item);

    @Override
    public void setParameter(BeforeEvent event, String taskId) {
        removeAll();
        Optional<WorkItem> found;
        try {
            found = workItems.get(taskId);
        } catch (AccessDeniedException e) {
            showProblem(e);
            return;
        }
        if (found.isEmpty()) {
            showProblem(new TaskGoneException());
            return;
        }
        item = found.get();
        if (!formKey().equals(item.formKey())) {
            TaskForms.screenFor(item.formKey()).ifPresent(screen -> event.forwardTo(screen, taskId));
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        add(new H2(taskName(item)));
        Paragraph meta = new Paragraph(getTranslation("task.meta", item.caseReference(), item.region().value(),
                item.due().map(this::format).orElse("—")));
        meta.setId("task-meta");
        add(meta);
        if (isShared()) {
            add(assignment());
        }
        add(caseFile(item));
        add(new H3(getTranslation("task.form")), form(item));

        complete.setText(getTranslation("task.complete"));
        complete.setId("complete-task");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("task.back"), e -> UI.getCurrent().navigate(returnRoute()));
        back.setId("back-to-inbox");
        add(new HorizontalLayout(complete, back));
        if (showsCaseNotes()) {
            add(notes(), new CaseTimeline(workItems, item.caseReference(), zone, "case-timeline"));
        }
    }

    /**
     * Whether the task belongs to a group (claim, give back, assign to a colleague); a personal task
     * of one buddy is hers alone.
     */
    protected boolean isShared() {
        return true;
    }

    /** Where the screen returns to after completing or going back: the inbox, or a buddy's own overview. */
    protected String returnRoute() {
        return "inbox";
    }

    /** Whether this screen shows notes and the timeline (not for roles that see no personal data). */
    protected boolean showsCaseNotes() {
        return true;
    }

    /** The task on screen. */
    protected WorkItem item() {
        return item;
    }

    private Component assignment() {
        String me = currentActor.require().userId();
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("task-assignment");
        bar.setAlignItems(Alignment.BASELINE);
        if (item.assignee().isEmpty()) {
            Button claim = new Button(getTranslation("inbox.action.claim"), e -> act(() -> workItems.claim(item.id())));
            claim.setId("task-claim");
            bar.add(new Span(getTranslation("task.unassigned")), claim);
        } else if (item.isAssignedTo(me)) {
            Button unclaim = new Button(getTranslation("inbox.action.unclaim"), e -> act(() -> workItems.unclaim(item.id())));
            unclaim.setId("task-unclaim");
            bar.add(new Span(getTranslation("task.assigned-to-me")), unclaim);
        } else {
            bar.add(new Span(getTranslation("task.assigned-to-other", displayName(item.assignee().get()))));
            return bar;
        }
        ComboBox<Actor> colleague = new ComboBox<>();
        colleague.setId("assign-to");
        colleague.setPlaceholder(getTranslation("task.assign.to"));
        colleague.setItems(actors.withRoleIn(Role.COORDINATOR, item.region()).stream()
                .filter(a -> !a.userId().equals(me)).toList());
        colleague.setItemLabelGenerator(Actor::displayName);
        Button assign = new Button(getTranslation("task.assign"), e -> {
            if (colleague.getValue() != null) {
                String name = colleague.getValue().displayName();
                act(() -> workItems.assign(item.id(), colleague.getValue().userId()));
                Notifications.success("task.assigned", name);
            }
        });
        assign.setId("assign");
        bar.add(colleague, assign);
        return bar;
    }

    private String displayName(String userId) {
        return actors.find(userId).map(Actor::displayName).orElse(userId);
    }

    private void act(Runnable action) {
        try {
            action.run();
            item = workItems.get(item.id()).orElseThrow(TaskGoneException::new);
            render();
        } catch (TaskGoneException e) {
            showProblem(e);
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    void complete() {
        try {
            Optional<Completion> completion = completion(item);
            if (completion.isEmpty()) {
                Notifications.error(new InvalidInputException("error.form.invalid"));
                return;
            }
            workItems.complete(item.id(), completion.get().routing(), completion.get().domainAction());
            Notifications.success("task.completed", taskName(item), item.caseReference());
            UI.getCurrent().navigate(returnRoute());
        } catch (TaskGoneException e) {
            showProblem(e);
            Notifications.error(e);
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    private Component notes() {
        TextArea note = new TextArea(getTranslation("task.note"));
        note.setId("task-note");
        note.setMaxLength(2000);
        note.setWidthFull();
        Button add = new Button(getTranslation("task.note.add"), e -> {
            try {
                workItems.comment(item.id(), note.getValue());
                note.clear();
                Notifications.success("task.note.added");
                render();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        add.setId("add-note");
        return new VerticalLayout(note, add);
    }

    private void showProblem(TranslatableException problem) {
        removeAll();
        Paragraph message = new Paragraph(getTranslation(problem.messageKey(), problem.arguments()));
        message.setId("task-problem");
        add(new H2(getTranslation("task.unavailable")), message, new Anchor(returnRoute(), getTranslation("task.back")));
    }

    protected String taskName(WorkItem workItem) {
        return translatedElement(workItem.definitionKey(), workItem.name());
    }

    private String translatedElement(String key, String fallback) {
        return Labels.of(this, "task." + key, fallback);
    }

    protected String format(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale()).format(instant.atZone(zone));
    }

    @Override
    public String getPageTitle() {
        return (item == null ? getTranslation("task.unavailable") : taskName(item)) + " · " + getTranslation("app.name");
    }
}
