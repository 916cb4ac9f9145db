package org.waymark.referral;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** England and Wales working days, with bank holidays worked out by rule for 1995 to 2100. */
public final class WorkingDays {

    /** First year whose bank holidays are known. */
    public static final int FIRST_YEAR = 1995;
    /** Last year whose bank holidays are known. */
    public static final int LAST_YEAR = 2100;

    /** Holidays proclaimed for a single occasion, which no rule predicts. */
    private static final Set<LocalDate> ONE_OFFS = Set.of(
            LocalDate.of(1999, 12, 31),  // Millennium
            LocalDate.of(2002, 6, 3),    // Golden Jubilee
            LocalDate.of(2011, 4, 29),   // Royal wedding
            LocalDate.of(2012, 6, 5),    // Diamond Jubilee
            LocalDate.of(2022, 6, 3),    // Platinum Jubilee
            LocalDate.of(2022, 9, 19),   // State funeral
            LocalDate.of(2023, 5, 8));   // Coronation

    private static final Map<Integer, Set<LocalDate>> HOLIDAYS_BY_YEAR = new ConcurrentHashMap<>();

    private WorkingDays() {
    }

    /** Whether the date is an England and Wales bank holiday as observed (weekend dates are replaced by their substitutes). */
    public static boolean isBankHoliday(LocalDate date) {
        return holidaysIn(date.getYear()).contains(date);
    }

    /** Whether the date is Monday to Friday and not a bank holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        return !isBankHoliday(date) && !isWeekend(date);
    }

    /** The date that is {@code days} working days after {@code start}, not counting {@code start}; 0 returns {@code start}. */
    public static LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        checkYear(start.getYear());
        LocalDate date = start;
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The observed bank holidays of one year, computed once and then cached. */
    private static Set<LocalDate> holidaysIn(int year) {
        checkYear(year);
        return HOLIDAYS_BY_YEAR.computeIfAbsent(year, WorkingDays::computeHolidays);
    }

    private static Set<LocalDate> computeHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();

        LocalDate newYear = LocalDate.of(year, 1, 1);
        days.add(isWeekend(newYear) ? newYear.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : newYear);

        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));

        days.add(year == 1995 || year == 2020
                ? LocalDate.of(year, 5, 8)
                : LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));

        days.add(switch (year) {
            case 2002, 2012 -> LocalDate.of(year, 6, 4);
            case 2022 -> LocalDate.of(year, 6, 2);
            default -> LocalDate.of(year, 5, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
        });

        days.add(LocalDate.of(year, 8, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));

        switch (LocalDate.of(year, 12, 25).getDayOfWeek()) {
            case SATURDAY -> days.addAll(Set.of(LocalDate.of(year, 12, 27), LocalDate.of(year, 12, 28)));
            case SUNDAY -> days.addAll(Set.of(LocalDate.of(year, 12, 26), LocalDate.of(year, 12, 27)));
            case FRIDAY -> days.addAll(Set.of(LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 28)));
            default -> days.addAll(Set.of(LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26)));
        }

        ONE_OFFS.stream().filter(d -> d.getYear() == year).forEach(days::add);
        return Set.copyOf(days);
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    private static LocalDate easterSunday(int year) {
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
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, Month.of(month), day);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "Bank holidays are only known for " + FIRST_YEAR + " to " + LAST_YEAR + ", not " + year);
        }
    }
}
