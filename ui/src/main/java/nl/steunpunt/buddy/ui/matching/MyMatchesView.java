package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.ui.base.Languages;
import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.ProposalForBuddy;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.ui.closure.BuddyEvaluationTasks;
import nl.steunpunt.buddy.ui.inbox.TaskForms;
import nl.steunpunt.buddy.ui.support.ContactLogView;
import nl.steunpunt.buddy.ui.support.MatchSupportView;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.TaskGoneException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItemQuery.Scope;
import nl.steunpunt.buddy.workflow.WorkItemQuery.SortBy;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The buddy's own matching: the proposals she is asked to answer (what she needs to decide, no
 * names) and her matches, with the requester's contact details once she accepted. Answering and
 * recording the first contact happen on her personal task screens.
 */
@Route("mijn-koppelingen")
@RolesAllowed("BUDDY")
@Menu(order = 6, title = "menu.my-matches")
public class MyMatchesView extends VerticalLayout implements HasDynamicTitle {

    /** Where her task screens live when the task-form registry does not know them (yet). */
    static final String ANSWER_ROUTE = "taken/voorstel-beantwoorden/";
    static final String FIRST_CONTACT_ROUTE = "taken/eerste-contact/";

    private final WorkItems workItems;
    private final Clock clock;
    private List<WorkItem> supportTasks = List.of();
    private final DateTimeFormatter date;

    public MyMatchesView(Matchmaking matchmaking, WorkItems workItems, Clock clock) {
        this.workItems = workItems;
        this.clock = clock;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        setMaxWidth("60em");
        add(new H2(getTranslation("my-matches.title")));

        add(new BuddyEvaluationTasks(workItems));
        add(new H3(getTranslation("my-matches.proposals")));
        List<ProposalForBuddy> proposals = matchmaking.myProposals();
        if (proposals.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("my-matches.proposals.none"));
            none.setId("my-proposals-empty");
            add(none);
        } else {
            add(new Paragraph(getTranslation("my-matches.proposals.explain")));
        }
        proposals.forEach(p -> add(proposal(p)));

        add(new H3(getTranslation("my-matches.matches")));
        List<BuddyMatch> matches = matchmaking.myMatches();
        if (matches.stream().anyMatch(m -> m.status() == MatchStatus.ACTIVE)) {
            supportTasks = workItems.find(new WorkItemQuery(Scope.MINE, false, Optional.of(Phase.SUPPORT), Optional.empty(), SortBy.DUE, true),
                    0, 100);
        }
        if (matches.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("my-matches.matches.none"));
            none.setId("my-matches-empty");
            add(none);
        }
        matches.forEach(m -> add(match(m)));
    }

    private VerticalLayout proposal(ProposalForBuddy p) {
        VerticalLayout card = card("proposal-" + p.reference());
        card.add(new H4(getTranslation("my-matches.proposal.title", p.reference(), getTranslation("requester-kind." + p.kind().name()))));
        card.add(field("my-matches.school-level", getTranslation("school-level." + p.schoolLevel().name())),
                field("my-matches.problem-areas", areas(p.problemAreas())),
                field("my-matches.language", Languages.name(p.preferredLanguage(), getLocale())),
                field("my-matches.urgency", getTranslation("urgency." + p.urgency().name())),
                field("my-matches.meeting", p.schoolMeetingOn().map(date::format).orElse(getTranslation("my-matches.none-planned"))),
                field("my-matches.place", p.place().orElse(getTranslation("my-matches.unknown"))),
                field("my-matches.proposed-on", date.format(p.proposedAt().atZone(clock.getZone()))));
        Button answer = new Button(getTranslation("my-matches.answer"),
                e -> openTask(p.request(), MatchingProcess.Forms.ANSWER_PROPOSAL, ANSWER_ROUTE));
        answer.setId("answer-" + p.reference());
        answer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(answer);
        return card;
    }

    private VerticalLayout match(BuddyMatch m) {
        VerticalLayout card = card("match-" + m.reference());
        card.add(new H4(getTranslation("my-matches.match.title", m.contactName(), m.reference())));
        card.add(field("my-matches.kind", getTranslation("requester-kind." + m.kind().name())),
                field("form.email", m.email().orElse("—")),
                field("form.phone", m.phone().orElse("—")),
                field("my-matches.school-level", getTranslation("school-level." + m.schoolLevel().name())),
                field("my-matches.problem-areas", areas(m.problemAreas())),
                field("my-matches.meeting", m.schoolMeetingOn().map(date::format).orElse(getTranslation("my-matches.none-planned"))),
                field("my-matches.place", m.place().orElse(getTranslation("my-matches.unknown"))),
                field("my-matches.status", getTranslation("match.status." + m.status().name())),
                field("my-matches.accepted-on", date.format(m.acceptedAt().atZone(clock.getZone()))),
                field("my-matches.first-contact", m.firstContactOn().map(date::format).orElse(getTranslation("my-matches.not-yet"))),
                field("my-matches.introduction", m.introductionOn().map(date::format).orElse(getTranslation("my-matches.not-yet"))));
        Button contactLog = new Button(getTranslation("my-matches.contact-log"),
                e -> UI.getCurrent().navigate(ContactLogView.class, m.matchId().toString()));
        contactLog.setId("contact-log-" + m.reference());
        card.add(contactLog);
        if (m.status() == MatchStatus.ACTIVE) {
            Button support = new Button(getTranslation("my-matches.support"),
                    e -> UI.getCurrent().navigate(MatchSupportView.class, m.matchId().toString()));
            support.setId("support-" + m.reference());
            card.add(support);
            supportTasks.stream().filter(item -> m.matchId().toString().equals(item.subjectId())).forEach(item -> {
                Button task = new Button(nl.steunpunt.buddy.ui.base.Labels.of(this, "task." + item.definitionKey(), item.name()),
                        e -> TaskForms.screenFor(item.formKey()).ifPresent(screen -> UI.getCurrent().navigate(screen, item.id())));
                task.setId("task-" + item.definitionKey() + "-" + m.reference());
                task.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                card.add(task);
            });
        }
        if (m.status() == MatchStatus.STARTING && m.firstContactOn().isEmpty()) {
            Button firstContact = new Button(getTranslation("my-matches.record-first-contact"),
                    e -> openTask(m.request(), MatchingProcess.Forms.FIRST_CONTACT, FIRST_CONTACT_ROUTE));
            firstContact.setId("first-contact-" + m.reference());
            firstContact.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(firstContact);
        }
        return card;
    }

    /** Opens her own open task of this kind for this request, on its screen. */
    private void openTask(HelpRequestId request, String formKey, String fallbackRoute) {
        try {
            Optional<WorkItem> task = workItems.find(new WorkItemQuery(Scope.MINE, false, Optional.of(Phase.MATCHING), Optional.empty(),
                    SortBy.DUE, true), 0, 100).stream()
                    .filter(item -> request.toString().equals(item.subjectId()) && formKey.equals(item.formKey())).findFirst();
            if (task.isEmpty()) {
                throw new TaskGoneException();
            }
            WorkItem item = task.get();
            TaskForms.screenFor(item.formKey()).ifPresentOrElse(
                    screen -> UI.getCurrent().navigate(screen, item.id()),
                    () -> UI.getCurrent().navigate(fallbackRoute + item.id()));
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    private VerticalLayout card(String id) {
        VerticalLayout card = new VerticalLayout();
        card.setId(id);
        card.setSpacing(false);
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        return card;
    }

    private Span field(String labelKey, String value) {
        Span line = new Span(getTranslation("my-matches.field", getTranslation(labelKey), value));
        line.getStyle().set("display", "block");
        return line;
    }

    private String areas(Set<ProblemArea> areas) {
        return areas.stream().sorted().map(a -> getTranslation("problem-area." + a.name())).collect(Collectors.joining(", "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-matches.title") + " · " + getTranslation("app.name");
    }
}
