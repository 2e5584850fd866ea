package nl.steunpunt.buddy.workflow.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Set;

/**
 * Working-day arithmetic for due dates: weekends and Dutch national public holidays are skipped
 * (Nieuwjaarsdag, Goede Vrijdag, Pasen, Koningsdag, Bevrijdingsdag in lustrum years, Hemelvaart,
 * Pinksteren, Kerst).
 */
public final class WorkingDays {

    private static final java.time.LocalTime END_OF_DAY = java.time.LocalTime.of(17, 0);

    private WorkingDays() {
    }

    /** The date {@code days} working days after {@code from} (from itself does not count). */
    public static LocalDate add(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The end of the working day (17:00) {@code days} working days after today on the engine's
     * clock, in {@code zone}: the due date of a task.
     */
    public static java.util.Date dueOnEngineClock(java.time.ZoneId zone, int days) {
        LocalDate today = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        return java.util.Date.from(add(today, days).atTime(END_OF_DAY).atZone(zone).toInstant());
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays(date.getYear()).contains(date);
    }

    static Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        LocalDate easter = easterSunday(year);
        days.add(LocalDate.of(year, 1, 1));
        days.add(easter.minusDays(2));
        days.add(easter);
        days.add(easter.plusDays(1));
        days.add(kingsDay(year));
        if (year % 5 == 0) {
            days.add(MonthDay.of(5, 5).atYear(year));
        }
        days.add(easter.plusDays(39));
        days.add(easter.plusDays(49));
        days.add(easter.plusDays(50));
        days.add(LocalDate.of(year, 12, 25));
        days.add(LocalDate.of(year, 12, 26));
        return days;
    }

    /** 27 April, or the 26th when the 27th is a Sunday. */
    private static LocalDate kingsDay(int year) {
        LocalDate day = LocalDate.of(year, 4, 27);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
