package nl.steunpunt.buddy.ui.intervisie;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import nl.steunpunt.buddy.intervisie.GroupMember;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.IntervisieGroup;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** A task about an intervisie group: the group and its members above the form; opening it is logged. */
public abstract class IntervisieTaskScreen extends TaskScreen {

    protected final Intervisie intervisie;
    protected final IntervisieCycle cycle;
    protected final Clock clock;
    /** The group as opened for this screen. */
    protected IntervisieGroup group;

    protected IntervisieTaskScreen(WorkItems workItems, CurrentActor currentActor, Actors actors, Intervisie intervisie,
            IntervisieCycle cycle, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.intervisie = intervisie;
        this.cycle = cycle;
        this.clock = clock;
    }

    @Override
    protected Component caseFile(WorkItem item) {
        group = intervisie.group(UUID.fromString(item.subjectId()));
        Paragraph name = new Paragraph(getTranslation("intervisie.group.title", group.name(), group.reference()));
        name.setId("task-group");
        Paragraph members = new Paragraph(getTranslation("intervisie.group.member-list",
                group.members().stream().map(GroupMember::name).collect(Collectors.joining(", "))));
        VerticalLayout file = new VerticalLayout(name, members);
        file.setPadding(false);
        return file;
    }

    /** Facilitators see no case timeline (it is the coordinators'). */
    @Override
    protected boolean showsCaseNotes() {
        return false;
    }

    protected String at(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(instant.atZone(clock.getZone()));
    }
}
