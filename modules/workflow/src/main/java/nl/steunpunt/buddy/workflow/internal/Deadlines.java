package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Due dates and waiting periods the BPMN models ask for by expression
 * ({@code ${deadlines.screeningDue(regionCode)}}). A due date is the end of the working day that
 * many working days from now, in the application's time zone. "Now" is the engine's clock, so
 * tests that move engine time move due dates with it.
 */
@Component("deadlines")
public class Deadlines {

    private final RecruitmentSettings settings;
    private final Clock clock;

    Deadlines(RecruitmentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Date screeningDue(String regionCode) {
        return workingDaysFromNow(settings.screeningWorkingDays(regionCode));
    }

    /** When an unscreened application escalates to a manager: working days after the screening due date. */
    public Date screeningEscalation(String regionCode) {
        return workingDaysFromNow(settings.screeningWorkingDays(regionCode) + settings.screeningEscalationWorkingDays(regionCode));
    }

    public Date intakeDue(String regionCode) {
        return workingDaysFromNow(settings.intakeWorkingDays(regionCode));
    }

    public Date decisionDue(String regionCode) {
        return workingDaysFromNow(settings.decisionWorkingDays(regionCode));
    }

    /** ISO-8601 duration for a timer, e.g. {@code P28D}. */
    public String onHoldPeriod(String regionCode) {
        return settings.onHoldPeriod(regionCode).toString();
    }

    /** ISO-8601 duration after which an applicant is reminded of the VOG, e.g. {@code P14D}. */
    public String vogReminderPeriod(String regionCode) {
        return settings.vogReminderPeriod(regionCode).toString();
    }

    /** ISO-8601 duration after which a missing VOG becomes a coordinator task, e.g. {@code P42D}. */
    public String vogEscalationPeriod(String regionCode) {
        return settings.vogEscalationPeriod(regionCode).toString();
    }

    private Date workingDaysFromNow(int days) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), days);
    }
}
