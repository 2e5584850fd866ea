package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.ui.closure.ClosureSummary;
import nl.steunpunt.buddy.matching.MatchFacts;
import nl.steunpunt.buddy.matching.MatchOverview;
import nl.steunpunt.buddy.support.ContactEntry;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.MatchCase;
import nl.steunpunt.buddy.support.MatchLog;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.ui.inbox.CaseTasks;
import nl.steunpunt.buddy.ui.inbox.CaseTimeline;
import nl.steunpunt.buddy.ui.inbox.CaseView;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.ui.process.CaseDiagramPanel;
import nl.steunpunt.buddy.workflow.CaseDiagrams;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The coordinator's case view of a match: summary, contacts (count and lines), school meetings,
 * concerns, check-ins, reviews and extensions, open tasks, the timeline from activation on, and the
 * early-end form; once the match ended, its closure (reason, closing conversation, evaluations,
 * appreciation). Opening it is logged by the support module (the contact log's and the closure's
 * readings by their own).
 */
@Route("koppelingen")
@RolesAllowed("COORDINATOR")
public class MatchCaseView extends CaseView<MatchCase> {

    private final SupportRecords records;
    private final ContactLog contactLog;
    private final MatchOverview overview;
    private final SupportActions support;
    private final WorkItems workItems;
    private final Closures closures;
    private final CaseDiagrams diagrams;
    private final Clock clock;

    public MatchCaseView(SupportRecords records, ContactLog contactLog, MatchOverview overview, SupportActions support,
            WorkItems workItems, Closures closures, CaseDiagrams diagrams, Clock clock) {
        super("error.contact.match.not-found", "match-case-problem");
        this.records = records;
        this.contactLog = contactLog;
        this.overview = overview;
        this.support = support;
        this.workItems = workItems;
        this.closures = closures;
        this.diagrams = diagrams;
        this.clock = clock;
    }

    @Override
    protected MatchCase open(String id) {
        return records.open(UUID.fromString(id));
    }

    @Override
    protected String reference(MatchCase opened) {
        return getTranslation("match-case.title", opened.facts().reference());
    }

    @Override
    protected String listTitle() {
        return getTranslation("matches.title");
    }

    @Override
    protected void render(MatchCase matchCase) {
        MatchFacts facts = matchCase.facts();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        add(new H2(getTranslation("match-case.title", facts.reference())));
        Span summary = new Span(getTranslation("match-case.summary", overview.buddyName(facts.buddy()), facts.region().value(),
                getTranslation("match.status." + facts.status().name()), date.format(facts.acceptedAt().atZone(clock.getZone())),
                matchCase.extensions().size()));
        summary.setId("match-case-summary");
        add(summary);
        add(contacts(facts.id(), date));
        add(new SupportCasePanel(matchCase, clock.getZone()));
        if (facts.status() != MatchStatus.ACTIVE) {
            add(new ClosureSummary(closures.file(facts.id()), clock.getZone()));
        }
        add(new CaseTasks(workItems, facts.reference()));
        if (matchCase.active()) {
            add(new EndEarlyForm(support, facts.id(), () -> refresh(records.open(facts.id()))));
        }
        add(new CaseTimeline(workItems, facts.reference(), clock.getZone(), "match-case-timeline"));
        add(new CaseDiagramPanel(diagrams, facts.reference(), clock.getZone()));
    }

    private VerticalLayout contacts(UUID matchId, DateTimeFormatter date) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setSpacing(false);
        section.setId("match-case-contacts");
        MatchLog log = contactLog.logOf(matchId);
        int minutes = log.entries().stream().mapToInt(ContactEntry::minutes).sum();
        section.add(new H3(getTranslation("match-case.contacts")));
        Span count = new Span(getTranslation("match-case.contacts.count", log.entries().size(), minutes));
        count.setId("match-case-contact-count");
        section.add(count);
        for (ContactEntry entry : log.entries()) {
            Span line = new Span(getTranslation("match-case.contact.line", date.format(entry.on()),
                    getTranslation("contact-kind." + entry.kind().name()), entry.minutes(), entry.topics().orElse("—")));
            line.getStyle().set("display", "block");
            section.add(line);
        }
        RouterLink full = new RouterLink(getTranslation("help-request.contact-log"), ContactLogView.class, matchId.toString());
        full.setId("match-case-contact-log");
        section.add(full);
        return section;
    }
}
