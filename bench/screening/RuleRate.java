package org.waymark.screening.rules.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.waymark.passengerdata.edifact.Traveller;
import org.waymark.screening.passenger.ScreenedPassenger;
import org.waymark.screening.rules.Criterion;
import org.waymark.screening.rules.DefaultGroups;
import org.waymark.screening.rules.EnabledRules;
import org.waymark.screening.rules.Field;
import org.waymark.screening.rules.Groups;
import org.waymark.screening.rules.Operator;
import org.waymark.screening.rules.RuleBook;
import org.waymark.screening.rules.RuleLibrary;
import org.waymark.screening.rules.RuleVersion;

/**
 * How fast the rule book screens: PASSENGERS passengers (cycling through 20,000 made up ones)
 * against RULES rules (the six shipped ones and made-up ones over every field and comparison),
 * on THREADS threads, after a warm-up round; each hit explained in words, as a run does.
 * Arguments: PASSENGERS RULES THREADS ROUNDS.
 */
public final class RuleRate {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 11);
    private static final String[] COUNTRIES = { "MDA", "BGR", "ROU", "TUR", "GBR", "ALB", "POL", "UKR" };
    private static final String[] AIRPORTS = { "LTN", "STN", "KIV", "SOF", "IST", "SAW", "OTP", "TIA" };

    public static void main(String[] args) {
        int passengers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Random random = new Random(42);
        List<ScreenedPassenger> people = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            people.add(passenger(random));
        }
        List<RuleVersion> versions = versions(rules, random);
        RuleBook book = book(versions);
        System.out.printf("%,d passengers x %d rules on %d threads (%d processors)%n", passengers, versions.size(),
                threads, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        for (int round = 0; round <= rounds; round++) {
            LongAdder hits = new LongAdder();
            long cpu = cpuTime();
            long start = System.nanoTime();
            RuleBook.Run run = book.run();
            pool.submit(() -> IntStream.range(0, passengers).parallel()
                    .forEach(i -> hits.add(run.screen(people.get(i % people.size())).size()))).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %.2f s elapsed, %.2f s CPU (whole process), %,d hits, %,.0f passengers/s%n",
                    round == 0 ? "warm-up" : "round " + round, seconds, (cpuTime() - cpu) / 1e9, hits.sum(),
                    passengers / seconds);
        }
        pool.shutdown();
    }

    /** The rule book over these versions, with the shipped groups, explaining hits in English. */
    static RuleBook book(List<RuleVersion> versions) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("enabled",
                (EnabledRules) () -> versions, "groups", DefaultGroups.with(() -> java.util.Set.of("Sunny Travel"))));
        return new RuleBook(beans.getBeanProvider(EnabledRules.class), beans.getBeanProvider(Groups.class), messages);
    }

    static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static List<RuleVersion> versions(int count, Random random) {
        List<RuleVersion> versions = new ArrayList<>();
        for (RuleLibrary.ShippedRule rule : RuleLibrary.rules()) {
            versions.add(version(rule.title(), rule.priority(), rule.criteria()));
        }
        while (versions.size() < count) {
            int n = versions.size();
            Criterion criteria = switch (n % 5) {
                case 0 -> Criterion.allOf(Criterion.when(Field.AGE, Operator.BETWEEN, "" + (16 + n % 10), "" + (20 + n % 10)),
                        Criterion.when(Field.NATIONALITY, Operator.MEMBER_OF, DefaultGroups.FOCUS_COUNTRIES),
                        Criterion.when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "" + (1 + n % 4)));
                case 1 -> Criterion.allOf(Criterion.when(Field.ITINERARY_AIRPORTS, Operator.IN, AIRPORTS[n % 8], AIRPORTS[(n + 3) % 8]),
                        Criterion.when(Field.ONE_WAY, Operator.EQUALS, "YES"),
                        Criterion.when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "2"),
                        Criterion.not(Criterion.when(Field.RESIDENCE, Operator.EQUALS, "GBR")));
                case 2 -> Criterion.anyOf(Criterion.when(Field.TRAVEL_AGENCY, Operator.CONTAINS, "tour " + n),
                        Criterion.when(Field.PAYER_NAME, Operator.STARTS, "payer " + n));
                case 3 -> Criterion.allOf(Criterion.when(Field.ROUTE, Operator.STARTS, AIRPORTS[n % 8]),
                        Criterion.when(Field.BAGS, Operator.EQUALS, "0"),
                        Criterion.when(Field.STAY_DAYS, Operator.LESS, "" + (2 + n % 5)));
                default -> Criterion.allOf(Criterion.when(Field.DOCUMENT_DAYS_TO_EXPIRY, Operator.LESS, "" + (10 + n % 20)),
                        Criterion.when(Field.DOCUMENT_COUNTRY, Operator.NOT_IN, "GBR", "IRL"));
            };
            versions.add(version("Made-up rule " + n, 1 + n % 5, criteria));
        }
        return versions;
    }

    private static RuleVersion version(String title, int priority, Criterion criteria) {
        return new RuleVersion(UUID.randomUUID(), UUID.randomUUID(), 1, title, "", "T04", priority, criteria);
    }

    private static ScreenedPassenger passenger(Random random) {
        return passenger(random, null);
    }

    /**
     * A made-up passenger; with a traveller of a generated message, of that traveller's name and date of
     * birth (and age), everything else made up as for the others.
     */
    static ScreenedPassenger passenger(Random random, Traveller traveller) {
        String origin = AIRPORTS[random.nextInt(2)];
        String destination = AIRPORTS[2 + random.nextInt(6)];
        Integer age = 1 + random.nextInt(70);
        String familyName = "DOE";
        String givenNames = "ANA";
        LocalDate born = DAY.minusYears(age);
        if (traveller != null) {
            familyName = traveller.familyName();
            givenNames = traveller.givenNames();
            born = traveller.birthDate();
            age = born == null || born.isAfter(DAY) ? null : Period.between(born, DAY).getYears();
        }
        boolean oneWay = random.nextInt(3) == 0;
        int daysBefore = random.nextInt(60);
        List<String> itinerary = new ArrayList<>(List.of("FB1234 " + origin + "-" + destination + " 2026-12-11T09:00"));
        if (!oneWay) {
            itinerary.add("FB1235 " + destination + "-" + origin + " 2026-12-" + (12 + random.nextInt(15)) + "T11:00");
        }
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        ScreenedPassenger.Booking booking = random.nextInt(10) == 0 ? null : new ScreenedPassenger.Booking(
                UUID.randomUUID(), "ABC123", DAY.minusDays(daysBefore), daysBefore, oneWay,
                oneWay ? null : 1 + random.nextInt(14), itinerary, random.nextBoolean() ? "CA" : "CC", null,
                random.nextInt(4) == 0 ? "Payer " + random.nextInt(100) : null,
                random.nextInt(4) == 0 ? null : random.nextBoolean(),
                random.nextInt(3) == 0 ? "Tour " + random.nextInt(100) + " Ltd" : null, List.of("+37360000001"),
                List.of(), List.of(), 1 + random.nextInt(4));
        return new ScreenedPassenger(UUID.randomUUID(), UUID.randomUUID(), "FB1234", origin, destination,
                origin + "-" + destination, DAY, Instant.parse("2026-12-11T09:00:00Z"), "PASSENGER", familyName, givenNames,
                born, age, random.nextBoolean() ? "F" : "M", country, country, "P", country,
                DAY.plusDays(random.nextInt(3000)), "12A", random.nextInt(10) == 0 ? null : random.nextInt(3), true,
                null, booking, random.nextInt(20) == 0 ? 2 : 0, age != null && age < 18 ? random.nextInt(2) : null);
    }
}
