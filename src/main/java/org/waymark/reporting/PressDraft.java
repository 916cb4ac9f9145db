package org.waymark.reporting;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first draft of a press summary, in plain English from the figures, in the style of a
 * police results release: small numbers in words, large ones rounded down (more than 1,500),
 * countries in order of flights monitored. The coordinator edits it before approving.
 */
final class PressDraft {

    private static final String[] WORDS = { "no", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine" };
    private static final int COUNTRIES_NAMED = 4;

    /** Who took part: the lead agency, and the others by name. */
    record Partners(String lead, List<String> others) {
    }

    private PressDraft() {
    }

    static String of(Summary summary, String portName, Partners partners, long givenAdvice) {
        List<String> sentences = new ArrayList<>();
        String when = dates(summary.startDate(), summary.endDate());
        String where = portName == null ? summary.port() : portName;
        if (partners.others().isEmpty()) {
            sentences.add(when + ", officers from " + partners.lead() + " ran " + summary.name() + " at " + where + ".");
        } else {
            sentences.add(when + ", " + partners.lead() + " worked with " + list(partners.others()) + " at " + where
                    + " (" + summary.name() + ").");
        }
        String spoke = "spoke to " + roughly(summary.passengersEngaged()) + " "
                + plural(summary.passengersEngaged(), "passenger", "passengers");
        if (summary.flightsMonitored() > 0) {
            String direction = summary.arrivalsMonitored() > 0 && summary.departuresMonitored() > 0 ? "to and from"
                    : summary.arrivalsMonitored() > 0 ? "from" : "to";
            sentences.add("Officers monitored " + number(summary.flightsMonitored()) + " "
                    + plural(summary.flightsMonitored(), "flight", "flights") + " " + direction + " "
                    + countries(summary.flightsMonitoredByCountry()) + " and " + spoke + ".");
        } else {
            sentences.add("Officers " + spoke + ".");
        }
        long checks = summary.enhancedChecks();
        if (checks > 0) {
            sentences.add(capitalised(number(checks)) + " " + plural(checks, "person was", "people were")
                    + " given an enhanced check" + (givenAdvice > 0 ? ", with advice and support" : "") + ".");
        }
        long nrm = summary.nrmReferrals();
        if (nrm > 0) {
            String children = summary.childReferrals() == 0 ? ""
                    : summary.childReferrals() == nrm ? (nrm == 1 ? ", for a child" : ", all for children")
                            : ", " + number(summary.childReferrals()) + " of them for "
                                    + plural(summary.childReferrals(), "a child", "children");
            sentences.add(capitalised(number(nrm)) + " " + plural(nrm, "referral was", "referrals were")
                    + " made to the National Referral Mechanism" + children + ".");
        }
        long notified = summary.dutyToNotify();
        if (notified > 0) {
            sentences.add(capitalised(number(notified)) + " " + plural(notified, "adult", "adults")
                    + " who did not want to be referred "
                    + plural(notified, "was", "were") + " reported to the Home Office under the Duty to Notify.");
        }
        return String.join(" ", sentences);
    }

    /** One to nine in words, larger numbers in figures. */
    static String number(long n) {
        return n >= 0 && n < WORDS.length ? WORDS[(int) n] : NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    /** Below 100 exactly; from 100, rounded down to two significant figures, with more than if it was rounded. */
    static String roughly(long n) {
        if (n < 100) {
            return number(n);
        }
        long unit = (long) Math.pow(10, (long) Math.log10(n) - 1);
        long rounded = n / unit * unit;
        String figure = NumberFormat.getIntegerInstance(Locale.UK).format(rounded);
        return rounded == n ? figure : "more than " + figure;
    }

    /** On 16 September 2026; From 16 to 19 September 2026; From 30 September to 3 October 2026. */
    static String dates(LocalDate from, LocalDate to) {
        DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        if (from.equals(to)) {
            return "On " + full.format(from);
        }
        String start = from.getYear() != to.getYear() ? full.format(from)
                : from.getMonth() != to.getMonth() ? DateTimeFormatter.ofPattern("d MMMM", Locale.UK).format(from)
                        : String.valueOf(from.getDayOfMonth());
        return "From " + start + " to " + full.format(to);
    }

    private static String countries(Map<String, Long> byCountry) {
        List<String> names = byCountry.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(entry -> Results.countryName(entry.getKey())))
                .map(entry -> Results.countryName(entry.getKey())).toList();
        if (names.size() <= COUNTRIES_NAMED) {
            return list(names);
        }
        int others = names.size() - (COUNTRIES_NAMED - 1);
        List<String> named = new ArrayList<>(names.subList(0, COUNTRIES_NAMED - 1));
        named.add(number(others) + " other countries");
        return list(named);
    }

    private static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
