package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.support.ConcernUrgency;
import nl.steunpunt.buddy.support.MatchCase;
import nl.steunpunt.buddy.support.MeetingStatus;
import nl.steunpunt.buddy.support.NewConcern;
import nl.steunpunt.buddy.support.SchoolMeeting;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.ui.inbox.CaseView;
import nl.steunpunt.buddy.ui.inbox.TaskForms;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The buddy's begeleiding of one of her active matches: her open tasks, upcoming school meetings
 * (plan, move, cancel), raising a concern and ending the match early. Another buddy's match shows
 * a translated refusal; every opening is logged by the support module.
 */
@Route("mijn-koppelingen/begeleiding")
@RolesAllowed("BUDDY")
public class MatchSupportView extends CaseView<MatchCase> {

    private final SupportRecords records;
    private final SupportActions support;
    private final WorkItems workItems;
    private final Clock clock;

    public MatchSupportView(SupportRecords records, SupportActions support, WorkItems workItems, Clock clock) {
        super("error.contact.match.not-found", "match-support-problem");
        this.records = records;
        this.support = support;
        this.workItems = workItems;
        this.clock = clock;
    }

    @Override
    protected MatchCase open(String id) {
        return records.open(UUID.fromString(id));
    }

    @Override
    protected String reference(MatchCase opened) {
        return getTranslation("match-support.title", opened.facts().reference());
    }

    @Override
    protected String listTitle() {
        return getTranslation("menu.my-matches");
    }

    @Override
    protected void render(MatchCase matchCase) {
        UUID matchId = matchCase.facts().id();
        add(new H2(getTranslation("match-support.title", matchCase.facts().reference())));
        add(new Paragraph(getTranslation("match-support.explain")));
        add(tasks(matchId));
        if (matchCase.active()) {
            add(upcoming(matchCase));
            add(new MeetingForm("meeting.plan", clock, plan -> act(() -> {
                support.planSchoolMeeting(matchId, plan);
                Notifications.success("meeting.planned");
            }, matchId)));
            add(concernForm(matchId));
        }
        add(new SupportCasePanel(matchCase, clock.getZone()));
        Button log = new Button(getTranslation("my-matches.contact-log"),
                e -> UI.getCurrent().navigate(ContactLogView.class, matchId.toString()));
        log.setId("match-support-contact-log");
        add(log);
        if (matchCase.active()) {
            add(new EndEarlyForm(support, matchId, () -> UI.getCurrent().navigate("mijn-koppelingen")));
        }
    }

    /** Her open tasks of this match (prepare, follow up), each a button to its screen. */
    private VerticalLayout tasks(UUID matchId) {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("match-support-tasks");
        list.add(new H3(getTranslation("match-support.tasks")));
        List<WorkItem> mine = workItems.find(new WorkItemQuery(WorkItemQuery.Scope.MINE, false, Optional.of(Phase.SUPPORT),
                Optional.empty(), WorkItemQuery.SortBy.DUE, true), 0, 100).stream()
                .filter(item -> matchId.toString().equals(item.subjectId())).toList();
        if (mine.isEmpty()) {
            list.add(new Span(getTranslation("match-support.tasks.none")));
        }
        for (WorkItem item : mine) {
            Button open = new Button(nl.steunpunt.buddy.ui.base.Labels.of(this, "task." + item.definitionKey(), item.name()),
                    e -> TaskForms.screenFor(item.formKey()).ifPresent(screen -> UI.getCurrent().navigate(screen, item.id())));
            open.setId("support-task-" + item.definitionKey());
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            list.add(open);
        }
        return list;
    }

    private VerticalLayout upcoming(MatchCase matchCase) {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("upcoming-meetings");
        list.add(new H3(getTranslation("match-support.upcoming")));
        List<SchoolMeeting> planned = matchCase.meetings().stream().filter(m -> m.status() == MeetingStatus.PLANNED).toList();
        if (planned.isEmpty()) {
            list.add(new Span(getTranslation("match-support.upcoming.none")));
        }
        SupportCasePanel format = new SupportCasePanel(matchCase, clock.getZone());
        for (SchoolMeeting meeting : planned) {
            VerticalLayout line = new VerticalLayout();
            line.setPadding(false);
            line.setId("meeting-" + meeting.id());
            Button move = new Button(getTranslation("meeting.move"));
            move.setId("meeting-move-" + meeting.id());
            Button cancel = new Button(getTranslation("meeting.cancel"), e -> act(() -> {
                support.cancelSchoolMeeting(meeting.id());
                Notifications.success("meeting.cancelled");
            }, matchCase.facts().id()));
            cancel.setId("meeting-cancel-" + meeting.id());
            line.add(new Span(format.meeting(meeting)), new HorizontalLayout(move, cancel));
            move.addClickListener(e -> {
                MeetingForm form = new MeetingForm("meeting.move.title", clock, plan -> act(() -> {
                    support.moveSchoolMeeting(meeting.id(), plan);
                    Notifications.success("meeting.moved");
                }, matchCase.facts().id()));
                form.setId("meeting-move-form");
                form.load(meeting, clock.getZone());
                line.add(form);
                move.setEnabled(false);
            });
            list.add(line);
        }
        return list;
    }

    private VerticalLayout concernForm(UUID matchId) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.setId("concern-form");
        TextArea text = new TextArea(getTranslation("concern.text"));
        text.setId("concern-text");
        text.setHelperText(getTranslation("concern.text.help"));
        text.setMaxLength(SupportRecords.MAX_TEXT);
        text.setWidthFull();
        Select<ConcernUrgency> urgency = new Select<>();
        urgency.setLabel(getTranslation("concern.urgency"));
        urgency.setId("concern-urgency");
        urgency.setItems(Arrays.asList(ConcernUrgency.values()));
        urgency.setItemLabelGenerator(u -> getTranslation("concern.urgency." + u.name()));
        urgency.setValue(ConcernUrgency.NORMAL);
        Button raise = new Button(getTranslation("concern.raise"), e -> act(() -> {
            support.raiseConcern(matchId, new NewConcern(text.getValue(), urgency.getValue()));
            Notifications.success("concern.raised");
        }, matchId));
        raise.setId("concern-raise");
        form.add(new H3(getTranslation("concern.title")), text, urgency, raise);
        return form;
    }

    private void act(Runnable action, UUID matchId) {
        try {
            action.run();
            refresh(records.open(matchId));
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }
}
