package org.waymark.screening.names;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Scores a passenger's name against a watch-list entry's, across scripts and spellings.
 * <p>
 * Words are compared in Latin letters by Jaro-Winkler similarity, and as equal when they fold alike
 * ({@link Spellings}). The family names and the given names are compared as written and swapped, and
 * the better arrangement counts. Middle names on one side only are left out of the score and said. Birth
 * dates: the same day counts fully, day and month swapped or less than a year apart a little less, and a
 * missing one lowers the score; more than a year apart is no match. See ADR 0043 for the numbers.
 */
public final class NameMatcher {

    /** The lowest score that is a match. */
    public static final double THRESHOLD = 0.80;

    /** Below this, two words are not the same name, whatever the rest says. */
    static final double WORD_THRESHOLD = 0.84;

    /**
     * Jaro-Winkler is generous to short words (Oleh and Olha 0.87): words of this many letters or fewer that
     * do not fold alike must be more similar.
     */
    private static final int SHORT_WORD = 4;
    private static final double SHORT_WORD_THRESHOLD = 0.9;

    /** Words that fold alike are this similar at least. */
    private static final double SAME_FOLDED = 0.95;
    private static final double FAMILY_WEIGHT = 0.55;
    private static final double SWAPPED = 0.98;
    private static final double NO_GIVEN_NAME = 0.9;
    private static final double BORN_DAY_MONTH_SWAPPED = 0.95;
    private static final double BORN_WITHIN_A_YEAR = 0.9;
    private static final double BORN_UNKNOWN = 0.9;
    private static final long A_YEAR_IN_DAYS = 366;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameMatcher() {
    }

    /** The match of a passenger's name with an entry's, when it scores at least {@link #THRESHOLD}. */
    public static Optional<NameScore> match(PersonName passenger, PersonName entry) {
        return match(PreparedName.of(passenger), PreparedName.of(entry));
    }

    static Optional<NameScore> match(PreparedName passenger, PreparedName entry) {
        if (passenger.isEmpty() || entry.isEmpty()) {
            return Optional.empty();
        }
        Born born = born(passenger.birthDate(), entry.birthDate());
        if (born == null) {
            return Optional.empty();
        }
        Names straight = names(passenger.family(), passenger.given(), entry, false);
        Names swapped = names(passenger.given(), passenger.family(), entry, true);
        Names best = straight == null ? swapped : swapped == null || straight.score >= swapped.score ? straight : swapped;
        if (best == null) {
            return Optional.empty();
        }
        double score = best.score * born.factor;
        if (score < THRESHOLD) {
            return Optional.empty();
        }
        List<MatchReason> reasons = new ArrayList<>(best.reasons);
        reasons.add(born.reason);
        return Optional.of(new NameScore(Math.round(score * 1000) / 1000.0, reasons));
    }

    /** How similar two words are, from 0 to 1. */
    static double similarity(NameWord a, NameWord b) {
        if (a.latin().equals(b.latin())) {
            return 1.0;
        }
        double latin = JARO_WINKLER.apply(a.latin(), b.latin());
        if (a.folded().equals(b.folded())) {
            return Math.max(SAME_FOLDED, latin);
        }
        return Math.max(latin, JARO_WINKLER.apply(a.folded(), b.folded()));
    }

    private record Names(double score, List<MatchReason> reasons) {
    }

    private static Names names(List<NameWord> passengerFamily, List<NameWord> passengerGiven, PreparedName entry,
            boolean swapped) {
        Part family = part(passengerFamily, entry.family());
        if (family == null || !family.alike) {
            return null;
        }
        List<MatchReason> reasons = new ArrayList<>();
        if (swapped) {
            reasons.add(MatchReason.of("swapped"));
        }
        family.explain("family", reasons);
        double score;
        if (passengerGiven.isEmpty() || entry.given().isEmpty()) {
            score = family.score * NO_GIVEN_NAME;
            reasons.add(MatchReason.of("noGivenName"));
        } else {
            Part given = part(passengerGiven, entry.given());
            if (!given.alike) {
                return null;
            }
            given.explain("given", reasons);
            score = FAMILY_WEIGHT * family.score + (1 - FAMILY_WEIGHT) * given.score;
        }
        return new Names(swapped ? score * SWAPPED : score, reasons);
    }

    private record Pair(NameWord passenger, NameWord entry, double similarity) {
    }

    /** The words of one part of the name paired best first; words left over are middle names on one side. */
    private record Part(double score, boolean alike, List<Pair> pairs, List<NameWord> onlyPassenger,
            List<NameWord> onlyEntry) {

        void explain(String part, List<MatchReason> reasons) {
            for (Pair pair : pairs) {
                NameWord passenger = pair.passenger();
                NameWord entry = pair.entry();
                if (passenger.latin().equals(entry.latin())) {
                    boolean transliterated = NameScripts.transliterated(entry.original(), entry.latin())
                            || NameScripts.transliterated(passenger.original(), passenger.latin());
                    reasons.add(transliterated
                            ? MatchReason.of(part + ".transliterated", transliteration(passenger, entry))
                            : MatchReason.of(part + ".same", entry.original()));
                } else if (passenger.folded().equals(entry.folded())) {
                    reasons.add(MatchReason.of(part + ".spelling", passenger.original(), entry.shown(),
                            pair.similarity()));
                } else {
                    reasons.add(MatchReason.of(part + ".similar", passenger.original(), entry.shown(),
                            pair.similarity()));
                }
            }
            onlyEntry.forEach(word -> reasons.add(MatchReason.of(part + ".notOnPassenger", word.original())));
            onlyPassenger.forEach(word -> reasons.add(MatchReason.of(part + ".notOnEntry", word.original())));
        }

        private static String transliteration(NameWord passenger, NameWord entry) {
            NameWord written = NameScripts.transliterated(entry.original(), entry.latin()) ? entry : passenger;
            return written.shown();
        }
    }

    private static Part part(List<NameWord> passenger, List<NameWord> entry) {
        if (passenger.isEmpty() || entry.isEmpty()) {
            return null;
        }
        double[][] similarities = new double[passenger.size()][entry.size()];
        for (int p = 0; p < passenger.size(); p++) {
            for (int e = 0; e < entry.size(); e++) {
                similarities[p][e] = similarity(passenger.get(p), entry.get(e));
            }
        }
        // Greedy pairing, most similar first: names have few words, and the best pair is nearly always right.
        boolean[] passengerUsed = new boolean[passenger.size()];
        boolean[] entryUsed = new boolean[entry.size()];
        List<Pair> pairs = new ArrayList<>();
        for (int n = Math.min(passenger.size(), entry.size()); n > 0; n--) {
            int bestP = -1;
            int bestE = -1;
            for (int p = 0; p < passenger.size(); p++) {
                for (int e = 0; e < entry.size(); e++) {
                    if (!passengerUsed[p] && !entryUsed[e]
                            && (bestP < 0 || similarities[p][e] > similarities[bestP][bestE])) {
                        bestP = p;
                        bestE = e;
                    }
                }
            }
            passengerUsed[bestP] = true;
            entryUsed[bestE] = true;
            pairs.add(new Pair(passenger.get(bestP), entry.get(bestE), similarities[bestP][bestE]));
        }
        // In the order of the entry's words, as a person reads them
        pairs.sort((a, b) -> Integer.compare(entry.indexOf(a.entry()), entry.indexOf(b.entry())));
        double sum = 0;
        boolean alike = true;
        for (Pair pair : pairs) {
            sum += pair.similarity();
            alike &= alike(pair);
        }
        List<NameWord> onlyPassenger = new ArrayList<>();
        for (int p = 0; p < passenger.size(); p++) {
            if (!passengerUsed[p]) {
                onlyPassenger.add(passenger.get(p));
            }
        }
        List<NameWord> onlyEntry = new ArrayList<>();
        for (int e = 0; e < entry.size(); e++) {
            if (!entryUsed[e]) {
                onlyEntry.add(entry.get(e));
            }
        }
        return new Part(sum / pairs.size(), alike, pairs, onlyPassenger, onlyEntry);
    }

    /** Whether the two words of a pair may be one name. */
    private static boolean alike(Pair pair) {
        if (pair.passenger().folded().equals(pair.entry().folded())) {
            return true;
        }
        int shorter = Math.min(pair.passenger().latin().length(), pair.entry().latin().length());
        return pair.similarity() >= (shorter <= SHORT_WORD ? SHORT_WORD_THRESHOLD : WORD_THRESHOLD);
    }

    private record Born(double factor, MatchReason reason) {
    }

    /** What the birth dates say, or null when they rule the match out. */
    private static Born born(LocalDate passenger, LocalDate entry) {
        if (passenger == null && entry == null) {
            return new Born(BORN_UNKNOWN, MatchReason.of("born.unknown"));
        }
        if (passenger == null) {
            return new Born(BORN_UNKNOWN, MatchReason.of("born.notOnPassenger"));
        }
        if (entry == null) {
            return new Born(BORN_UNKNOWN, MatchReason.of("born.notOnEntry"));
        }
        if (passenger.equals(entry)) {
            return new Born(1.0, MatchReason.of("born.sameDay"));
        }
        if (passenger.getYear() == entry.getYear() && passenger.getMonthValue() == entry.getDayOfMonth()
                && passenger.getDayOfMonth() == entry.getMonthValue()) {
            return new Born(BORN_DAY_MONTH_SWAPPED, MatchReason.of("born.dayMonthSwapped"));
        }
        long days = Math.abs(ChronoUnit.DAYS.between(passenger, entry));
        return days <= A_YEAR_IN_DAYS ? new Born(BORN_WITHIN_A_YEAR, MatchReason.of("born.withinAYear", days)) : null;
    }
}
