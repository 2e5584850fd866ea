package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.HelpRequestDetails;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.MatchRecord;
import nl.steunpunt.buddy.matching.ProposalRecord;
import nl.steunpunt.buddy.ui.inbox.CaseTasks;
import nl.steunpunt.buddy.ui.inbox.CaseView;
import nl.steunpunt.buddy.ui.inbox.WithdrawForm;
import nl.steunpunt.buddy.ui.inbox.CaseTimeline;
import nl.steunpunt.buddy.ui.support.ContactLogView;
import nl.steunpunt.buddy.ui.process.CaseDiagramPanel;
import nl.steunpunt.buddy.workflow.CaseDiagrams;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The case view of a help request: the case file (opening it is logged), every proposal with the
 * explained score it had and any override reason, the match, open tasks, the timeline and withdrawal.
 */
@Route("hulpvragen")
@RolesAllowed("COORDINATOR")
public class HelpRequestView extends CaseView<HelpRequestDetails> {

    private final HelpRequests requests;
    private final WorkItems workItems;
    private final CaseDiagrams diagrams;
    private final Clock clock;
    private HelpRequestDetails details;

    public HelpRequestView(HelpRequests requests, WorkItems workItems, CaseDiagrams diagrams, Clock clock) {
        super("error.help-request.not-found", "help-request-problem");
        this.requests = requests;
        this.workItems = workItems;
        this.diagrams = diagrams;
        this.clock = clock;
    }

    @Override
    protected HelpRequestDetails open(String id) {
        return requests.open(HelpRequestId.of(id));
    }

    @Override
    protected String reference(HelpRequestDetails opened) {
        return opened.reference();
    }

    @Override
    protected String listTitle() {
        return getTranslation("help-requests.title");
    }

    @Override
    protected void render(HelpRequestDetails opened) {
        details = opened;
        add(new H2(getTranslation("help-request.case-file", details.reference())));
        add(new HelpRequestCaseFile(details, clock.getZone()));
        add(proposals());
        details.match().ifPresent(match -> add(match(match)));
        add(new CaseTasks(workItems, details.reference()));
        if (details.status().isOpen()) {
            add(new WithdrawForm("help-request.withdraw.title", "help-request.withdraw.explain", "help-request.withdraw",
                    details.reference(), reason -> requests.withdraw(details.id(), reason), () -> refresh(requests.open(details.id()))));
        }
        add(new CaseTimeline(workItems, details.reference(), clock.getZone(), "help-request-timeline"));
        add(new CaseDiagramPanel(diagrams, details.reference(), clock.getZone()));
    }

    private VerticalLayout proposals() {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("proposals");
        list.add(new H3(getTranslation("help-request.proposals")));
        if (details.proposals().isEmpty()) {
            list.add(new Span(getTranslation("help-request.proposals.none")));
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        for (ProposalRecord p : details.proposals()) {
            list.add(new Span(getTranslation("help-request.proposal.line", p.buddyName(),
                    format.format(p.proposedAt().atZone(clock.getZone())), getTranslation("proposal.status." + p.status().name()),
                    getTranslation("proposal.source." + p.source().name()), p.rankPosition().map(String::valueOf).orElse("—"))));
            p.score().ifPresent(score -> list.add(new CandidateExplanation(score, p.explanation(), null)));
            p.overrideReason().ifPresent(why -> list.add(new Span(getTranslation("help-request.proposal.override", why))));
            p.declineReason().ifPresent(why -> list.add(new Span(getTranslation("help-request.proposal.decline", why))));
        }
        return list;
    }

    private VerticalLayout match(MatchRecord match) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("match");
        section.add(new H3(getTranslation("help-request.match")));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        section.add(new Span(getTranslation("help-request.match.line", match.buddyName(),
                getTranslation("match.status." + match.status().name()),
                format.format(match.acceptedAt().atZone(clock.getZone())),
                match.firstContactOn().map(format::format).orElse("—"), match.introductionOn().map(format::format).orElse("—"))));
        match.introductionNote().ifPresent(note -> section.add(new Span(note)));
        RouterLink contactLog = new RouterLink(getTranslation("help-request.contact-log"), ContactLogView.class, match.id().toString());
        contactLog.setId("match-contact-log");
        section.add(contactLog);
        return section;
    }
}
