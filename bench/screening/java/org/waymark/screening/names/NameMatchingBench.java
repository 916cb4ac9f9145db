package org.waymark.screening.names;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.codec.language.bm.BeiderMorseEncoder;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Name matching against a long watch list (see docs/performance.md): the index of keys against comparing
 * every passenger with every entry, for speed, and recall and precision on the labelled set of
 * {@link NameVariants}. Arguments: entries (100000), passengers (10000), labelled (1000), seed (1).
 */
public final class NameMatchingBench {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private NameMatchingBench() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int passengers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int labelledSize = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;

        List<NameVariants.Person> people = NameVariants.people(seed);
        List<NameVariants.Labelled> labelled = NameVariants.labelled(people, labelledSize, seed);
        List<PersonName> list = new ArrayList<>();
        people.forEach(person -> list.add(person.name()));
        list.addAll(NameVariants.others(entries - people.size(), seed + 1));
        List<PersonName> queries = new ArrayList<>();
        labelled.forEach(l -> queries.add(l.passenger()));
        queries.addAll(NameVariants.others(Math.max(0, passengers - labelled.size()), seed + 2));

        long start = System.nanoTime();
        NameIndex<Integer> index = new NameIndex<>();
        for (int i = 0; i < list.size(); i++) {
            index.put(i, list.get(i));
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        List<PreparedName> prepared = list.stream().map(PreparedName::of).toList();

        // Warm up both ways, then measure
        for (int i = 0; i < 2_000; i++) {
            index.find(queries.get(i % queries.size()));
        }
        bruteForce(prepared, PreparedName.of(queries.get(0)));

        start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        List<List<Integer>> indexFound = new ArrayList<>();
        for (PersonName query : queries) {
            indexFound.add(index.find(query).stream().map(NameIndex.Found::id).toList());
        }
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        double indexCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        long candidates = 0;
        for (PersonName query : queries) {
            candidates += index.candidates(query).size();
        }

        if (Boolean.getBoolean("names.indexOnly")) {
            System.out.printf(Locale.ROOT, "index: %.1f us CPU each, %.0f candidates each%n",
                    indexCpu / queries.size() * 1e6, (double) candidates / queries.size());
            report("index", labelled, indexFound.subList(0, labelled.size()));
            return;
        }
        // Every passenger of the labelled set with every entry: the scorer alone, and plain Jaro-Winkler
        start = System.nanoTime();
        cpu = THREADS.getCurrentThreadCpuTime();
        List<List<Integer>> bruteFound = new ArrayList<>();
        for (NameVariants.Labelled l : labelled) {
            bruteFound.add(bruteForce(prepared, PreparedName.of(l.passenger())));
        }
        double bruteSeconds = (System.nanoTime() - start) / 1e9;
        double bruteCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        start = System.nanoTime();
        cpu = THREADS.getCurrentThreadCpuTime();
        List<List<Integer>> plainFound = new ArrayList<>();
        for (NameVariants.Labelled l : labelled) {
            plainFound.add(plainJaroWinkler(prepared, PreparedName.of(l.passenger())));
        }
        double plainSeconds = (System.nanoTime() - start) / 1e9;
        double plainCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;

        // Per passenger in CPU time of the thread, the fair figure on a shared machine
        double indexPerPassenger = indexCpu / queries.size() * 1e6;
        double brutePerPassenger = bruteCpu / labelled.size() * 1e6;
        double plainPerPassenger = plainCpu / labelled.size() * 1e6;
        System.out.printf(Locale.ROOT, "watch list: %,d entries, index built in %.1f s%n", list.size(), buildSeconds);
        System.out.printf(Locale.ROOT,
                "index: %,d passengers in %.2f s (CPU %.2f s), %.1f us CPU each, %.0f candidates each%n",
                queries.size(), indexSeconds, indexCpu, indexPerPassenger, (double) candidates / queries.size());
        System.out.printf(Locale.ROOT,
                "every entry, same scorer: %,d passengers in %.1f s (CPU %.1f s), %.0f us CPU each (%.0fx the index)%n",
                labelled.size(), bruteSeconds, bruteCpu, brutePerPassenger, brutePerPassenger / indexPerPassenger);
        System.out.printf(Locale.ROOT,
                "every entry, plain Jaro-Winkler: %,d passengers in %.1f s (CPU %.1f s), %.0f us CPU each (%.0fx the index)%n",
                labelled.size(), plainSeconds, plainCpu, plainPerPassenger, plainPerPassenger / indexPerPassenger);
        report("index", labelled, indexFound.subList(0, labelled.size()));
        if (Boolean.getBoolean("names.misses")) {
            printMisses(labelled, indexFound);
        }
        report("every entry, same scorer", labelled, bruteFound);
        report("every entry, plain Jaro-Winkler", labelled, plainFound);

        BeiderMorseEncoder beiderMorse = new BeiderMorseEncoder();
        start = System.nanoTime();
        int encoded = 0;
        for (int i = 0; i < 2_000; i++) {
            encoded += beiderMorse.encode(NameScripts.latin(list.get(i).familyName())).length();
        }
        System.out.printf(Locale.ROOT, "Beider-Morse: %.0f us a family name (%d characters)%n",
                (System.nanoTime() - start) / 1e3 / 2_000, encoded);
    }

    private static List<Integer> bruteForce(List<PreparedName> list, PreparedName query) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (NameMatcher.match(query, list.get(i)).isPresent()) {
                found.add(i);
            }
        }
        return found;
    }

    /** Jaro-Winkler of the whole names in Latin letters, either way round; birth dates as the matcher does. */
    private static List<Integer> plainJaroWinkler(List<PreparedName> list, PreparedName query) {
        String family = latin(query.family());
        String given = latin(query.given());
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            PreparedName entry = list.get(i);
            if (query.birthDate() != null && entry.birthDate() != null
                    && Math.abs(query.birthDate().toEpochDay() - entry.birthDate().toEpochDay()) > 366) {
                continue;
            }
            String entryFamily = latin(entry.family());
            String entryGiven = latin(entry.given());
            double straight = (JARO_WINKLER.apply(family, entryFamily) + JARO_WINKLER.apply(given, entryGiven)) / 2;
            double swapped = (JARO_WINKLER.apply(given, entryFamily) + JARO_WINKLER.apply(family, entryGiven)) / 2;
            if (Math.max(straight, swapped) >= 0.9) {
                found.add(i);
            }
        }
        return found;
    }

    private static String latin(List<NameWord> words) {
        return String.join(" ", words.stream().map(NameWord::latin).toList());
    }

    private static void report(String how, List<NameVariants.Labelled> labelled, List<List<Integer>> found) {
        int positives = 0;
        int truePositives = 0;
        int matches = 0;
        int falsePositives = 0;
        for (int i = 0; i < labelled.size(); i++) {
            int person = labelled.get(i).personId();
            List<Integer> f = found.get(i);
            matches += f.size();
            if (person >= 0) {
                positives++;
                if (f.contains(person)) {
                    truePositives++;
                }
            }
            falsePositives += (int) f.stream().filter(id -> id != person).count();
        }
        System.out.printf(Locale.ROOT, "%s: recall %.3f (%d of %d), precision %.3f (%d false of %d matches)%n", how,
                (double) truePositives / positives, truePositives, positives,
                matches == 0 ? 1.0 : (double) (matches - falsePositives) / matches, falsePositives, matches);
    }

    /** The labelled passengers the index misses, for tuning: run with the system property names.misses. */
    static void printMisses(List<NameVariants.Labelled> labelled, List<List<Integer>> found) {
        for (int i = 0; i < labelled.size(); i++) {
            NameVariants.Labelled l = labelled.get(i);
            boolean hit = l.personId() >= 0 && found.get(i).contains(l.personId());
            boolean falseHit = found.get(i).stream().anyMatch(id -> id != l.personId());
            if (l.personId() >= 0 && !hit || falseHit) {
                System.out.println((hit ? "FALSE " : "MISS ") + l + " -> " + found.get(i));
            }
        }
    }
}
