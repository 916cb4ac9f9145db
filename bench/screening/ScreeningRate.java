package org.waymark.screening.rules.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.waymark.passengerdata.edifact.Manifest;
import org.waymark.passengerdata.edifact.Traveller;
import org.waymark.passengerdata.generator.MessageGenerator;
import org.waymark.passengerdata.generator.Names;
import org.waymark.screening.names.NameIndex;
import org.waymark.screening.names.NameScripts;
import org.waymark.screening.names.NameVariants;
import org.waymark.screening.names.PersonName;
import org.waymark.screening.passenger.ScreenedPassenger;
import org.waymark.screening.rules.RuleBook;

/**
 * How fast screening goes, in memory (no database): PASSENGERS passengers, cycling through 20,000 whose
 * names and birth dates are the travellers of the generator's PNR messages (the rest made up as in
 * {@link RuleRate}), each through RULES rules and looked up in a watch list of ENTRIES entries, on THREADS
 * threads, ROUNDS times after a warm-up round of 200,000 at most; then the name matching alone, ROUNDS
 * times; then, on SAMPLE of the passengers, every passenger compared with every entry by Jaro-Winkler,
 * to extrapolate to all.
 * Arguments: PASSENGERS RULES ENTRIES THREADS ROUNDS SAMPLE.
 *
 * The watch list: 100 of the 20,000 travellers (every 200th) written in the script of their name in
 * the generator's pool (Cyrillic, Romanian, Turkish, Albanian letters), one in four in another Latin
 * spelling of the pool, one in five with a birth date up to 30 days off; 400 namesakes, names of the pool
 * in their own script with birth dates at random; and made-up names of the languages' sounds for the
 * rest. The pool has 47 names only, so each stands for a very common name: a few hundred entries of
 * them already give every passenger several namesakes on the list to tell apart by birth date.
 */
public final class ScreeningRate {

    private static final int DISTINCT = 20_000;
    private static final int LISTED_EVERY = 200;
    private static final int NAMESAKES = 400;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private ScreeningRate() {
    }

    public static void main(String[] args) {
        int passengers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int sample = args.length > 5 ? Integer.parseInt(args[5]) : 1_000;
        Random random = new Random(42);

        long start = System.nanoTime();
        List<Traveller> travellers = travellers(DISTINCT);
        List<ScreenedPassenger> people = new ArrayList<>();
        travellers.forEach(traveller -> people.add(RuleRate.passenger(random, traveller)));
        List<PersonName> list = watchList(travellers, entries, random);
        System.out.printf(Locale.ROOT, "%,d travellers generated and a watch list of %,d made in %.1f s%n",
                people.size(), list.size(), (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        NameIndex<Integer> index = new NameIndex<>();
        for (int i = 0; i < list.size(); i++) {
            index.put(i, list.get(i));
        }
        System.out.printf(Locale.ROOT, "index of the watch list built in %.1f s%n", (System.nanoTime() - start) / 1e9);
        RuleBook book = RuleRate.book(RuleRate.versions(rules, random));
        System.out.printf(Locale.ROOT, "%,d passengers x %d rules and %,d watch-list entries on %d threads (%d processors)%n",
                passengers, rules, list.size(), threads, Runtime.getRuntime().availableProcessors());

        ForkJoinPool pool = new ForkJoinPool(threads);
        for (int round = 0; round <= rounds; round++) {
            // The warm-up round screens a fifth of them at most: enough for the compiler
            int screened = round == 0 ? Math.min(passengers, 200_000) : passengers;
            LongAdder ruleHits = new LongAdder();
            LongAdder matches = new LongAdder();
            LongAdder matched = new LongAdder();
            long cpu = RuleRate.cpuTime();
            start = System.nanoTime();
            RuleBook.Run run = book.run();
            pool.submit(() -> IntStream.range(0, screened).parallel().forEach(i -> {
                ScreenedPassenger passenger = people.get(i % people.size());
                ruleHits.add(run.screen(passenger).size());
                int found = index.find(name(passenger)).size();
                matches.add(found);
                if (found > 0) {
                    matched.increment();
                }
            })).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT,
                    "%s, %,d passengers: %.2f s elapsed, %.2f s CPU (whole process), %,d rule hits, %,d watch-list matches of %,d passengers%n",
                    round == 0 ? "warm-up" : "round " + round, screened, seconds, (RuleRate.cpuTime() - cpu) / 1e9,
                    ruleHits.sum(), matches.sum(), matched.sum());
        }

        // The name matching alone, over the same passengers
        double indexCpuPerPassenger = Double.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            long cpu = RuleRate.cpuTime();
            start = System.nanoTime();
            pool.submit(() -> IntStream.range(0, passengers).parallel()
                    .forEach(i -> index.find(name(people.get(i % people.size()))))).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (RuleRate.cpuTime() - cpu) / 1e9;
            indexCpuPerPassenger = Math.min(indexCpuPerPassenger, cpuSeconds / passengers);
            System.out.printf(Locale.ROOT, "name matching alone, round %d: %.2f s elapsed, %.2f s CPU, %.1f us CPU a passenger%n",
                    round, seconds, cpuSeconds, cpuSeconds / passengers * 1e6);
        }

        // What the 20,000 distinct passengers matched
        int namesakesEnd = people.size() / LISTED_EVERY + NAMESAKES;
        long[] byKind = new long[3];
        for (ScreenedPassenger passenger : people) {
            for (NameIndex.Found<Integer> f : index.find(name(passenger))) {
                byKind[f.id() < people.size() / LISTED_EVERY ? 0 : f.id() < namesakesEnd ? 1 : 2]++;
            }
        }
        System.out.printf(Locale.ROOT,
                "the %,d distinct passengers matched listed travellers %,d times, namesakes %,d, made-up names %,d%n",
                people.size(), byKind[0], byKind[1], byKind[2]);

        // Did the listed travellers come up, each as their own entry?
        int listed = 0;
        int found = 0;
        for (int t = 0; t < people.size(); t += LISTED_EVERY) {
            listed++;
            int entry = t / LISTED_EVERY;
            if (index.find(name(people.get(t))).stream().anyMatch(f -> f.id() == entry)) {
                found++;
            }
        }
        System.out.printf(Locale.ROOT, "listed travellers found as their own entry: %,d of %,d%n", found, listed);

        if (sample > 0) {
            bruteForce(people.subList(0, Math.min(sample, people.size())), list, index, pool, passengers,
                    indexCpuPerPassenger);
        }
        pool.shutdown();
    }

    /**
     * Every passenger of the sample compared with every entry by Jaro-Winkler of the whole names in Latin
     * letters, either way round, birth dates more than a year apart ruled out, as the names benchmark does;
     * the entries' Latin letters worked out once beforehand, in its favour.
     */
    private static void bruteForce(List<ScreenedPassenger> sample, List<PersonName> list, NameIndex<Integer> index,
            ForkJoinPool pool, int passengers, double indexCpuPerPassenger) {
        String[] families = new String[list.size()];
        String[] givens = new String[list.size()];
        for (int i = 0; i < list.size(); i++) {
            families[i] = NameScripts.latin(list.get(i).familyName());
            givens[i] = NameScripts.latin(list.get(i).givenNames());
        }
        LongAdder bruteMatches = new LongAdder();
        long cpu = RuleRate.cpuTime();
        long start = System.nanoTime();
        pool.submit(() -> sample.parallelStream().forEach(passenger -> {
            PersonName query = name(passenger);
            String family = NameScripts.latin(query.familyName());
            String given = NameScripts.latin(query.givenNames());
            LocalDate born = query.birthDate();
            for (int i = 0; i < families.length; i++) {
                LocalDate entryBorn = list.get(i).birthDate();
                if (born != null && entryBorn != null
                        && Math.abs(born.toEpochDay() - entryBorn.toEpochDay()) > 366) {
                    continue;
                }
                double straight = (JARO_WINKLER.apply(family, families[i]) + JARO_WINKLER.apply(given, givens[i])) / 2;
                double swapped = (JARO_WINKLER.apply(given, families[i]) + JARO_WINKLER.apply(family, givens[i])) / 2;
                if (Math.max(straight, swapped) >= 0.9) {
                    bruteMatches.increment();
                }
            }
        })).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (RuleRate.cpuTime() - cpu) / 1e9;
        long indexMatches = sample.stream().mapToLong(passenger -> index.find(name(passenger)).size()).sum();
        double perPassenger = cpuSeconds / sample.size();
        System.out.printf(Locale.ROOT,
                "every entry by Jaro-Winkler: %,d passengers x %,d entries in %.1f s elapsed, %.1f s CPU, %.1f ms CPU a passenger;"
                        + " %,d matches (the index: %,d)%n",
                sample.size(), list.size(), seconds, cpuSeconds, perPassenger * 1e3, bruteMatches.sum(), indexMatches);
        System.out.printf(Locale.ROOT,
                "extrapolated to %,d passengers: %,.0f s CPU (%.1f hours on 2 cores); the index is %,.0f times faster%n",
                passengers, perPassenger * passengers, perPassenger * passengers / 2 / 3600,
                perPassenger / indexCpuPerPassenger);
    }

    private static PersonName name(ScreenedPassenger passenger) {
        return new PersonName(passenger.familyName(), passenger.givenNames(), passenger.birthDate());
    }

    /** Passengers and infants of the generator's last PNR push of each flight, 150 to a flight, seed 1. */
    private static List<Traveller> travellers(int count) {
        int flights = count / 150 + 1;
        List<Traveller> travellers = new ArrayList<>();
        List<MessageGenerator.Generated> pushes = new MessageGenerator(1).pushes(flights, 150);
        // Five pushes a flight, the last the fullest
        for (int i = 4; i < pushes.size() && travellers.size() < count; i += 5) {
            if (pushes.get(i).truth() == null) {
                continue;
            }
            for (Manifest manifest : pushes.get(i).truth().manifests()) {
                for (Traveller traveller : manifest.travellers()) {
                    if (traveller.type().passenger() && travellers.size() < count) {
                        travellers.add(traveller);
                    }
                }
            }
        }
        return travellers;
    }

    /** The watch list described above: entry i, for i under 100, is traveller 200 x i. */
    private static List<PersonName> watchList(List<Traveller> travellers, int entries, Random random) {
        List<Names.Name> pool = Names.all();
        Map<String, Names.Name> byFamily = new HashMap<>();
        for (Names.Name name : pool) {
            byFamily.put(name.family(), name);
            name.latinFamily().forEach(latin -> byFamily.put(latin, name));
        }
        List<PersonName> list = new ArrayList<>();
        for (int t = 0; t < travellers.size(); t += LISTED_EVERY) {
            Traveller traveller = travellers.get(t);
            Names.Name name = byFamily.get(traveller.familyName());
            LocalDate born = traveller.birthDate();
            if (born != null && random.nextInt(5) == 0) {
                born = born.plusDays(random.nextInt(61) - 30);
            }
            if (name == null) {
                list.add(new PersonName(traveller.familyName(), traveller.givenNames(), born));
            } else if (random.nextInt(4) == 0) {
                list.add(new PersonName(last(name.latinFamily()), last(name.latinGiven()), born));
            } else {
                list.add(new PersonName(name.family(), name.given(), born));
            }
        }
        for (int i = 0; i < NAMESAKES && list.size() < entries; i++) {
            Names.Name name = pool.get(random.nextInt(pool.size()));
            list.add(new PersonName(name.family(), name.given(),
                    LocalDate.of(1940, 1, 1).plusDays(random.nextInt(25_000))));
        }
        list.addAll(NameVariants.others(Math.max(0, entries - list.size()), 7));
        return list;
    }

    private static String last(List<String> spellings) {
        return spellings.get(spellings.size() - 1);
    }
}
