package org.waymark.screening.links.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.waymark.passengerdata.PassengerData.Contact;
import org.waymark.passengerdata.PassengersForScreening.BookedName;
import org.waymark.passengerdata.PassengersForScreening.FlightPassengers;
import org.waymark.passengerdata.PassengersForScreening.Passenger;
import org.waymark.passengerdata.PassengersForScreening.PassengerBooking;
import org.waymark.screening.links.BookingLinks;
import org.waymark.screening.links.LinkGroup;
import org.waymark.screening.passenger.ScreenedFlight;

/**
 * How long BookingLinks takes to group a day's bookings: PASSENGERS passengers (800,000 by
 * default) on flights of 160, made up in memory with a fixed seed, about 1.6 to a booking. Each
 * booking gives a phone and an email of its own; some a payer (names from a pool, so common names
 * repeat), a card, an address, an agency (a few large ones, many small ones); and rings of 3 to 8
 * bookings share a phone or a card, as a recruiter's would. Building the flights is not timed;
 * grouping them is, after WARMUP rounds, ROUNDS times, on one thread. Prints each round's time,
 * the heap in use after grouping, and what was found.
 */
public class LinksBench {

    public static void main(String[] args) {
        int passengers = args.length > 0 ? Integer.parseInt(args[0]) : 800_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long built = System.nanoTime();
        List<ScreenedFlight> flights = day(passengers, new Random(23));
        int bookings = flights.stream().mapToInt(f -> (int) f.passengers().stream().map(p -> p.booking().locator())
                .distinct().count()).sum();
        System.out.printf("%,d passengers on %,d flights, %,d bookings, made in %.1f s%n", passengers, flights.size(),
                bookings, (System.nanoTime() - built) / 1e9);
        BookingLinks links = new BookingLinks();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BookingLinks.Found found = null;
        for (int round = 1; round <= warmup + rounds; round++) {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            found = links.find(flights, 4);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("%s %d: %.2f s elapsed, %.2f s of the thread's CPU, heap in use %,d MB%n",
                    round <= warmup ? "warm-up" : "round", round <= warmup ? round : round - warmup, seconds,
                    cpuSeconds, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        }
        int largest = found.groups().stream().mapToInt(group -> group.bookings().size()).max().orElse(0);
        long inRings = found.groups().stream().filter(group -> group.bookings().size() >= 3
                && group.bookings().size() <= 8).count();
        long people = found.groups().stream().mapToLong(LinkGroup::people).sum();
        System.out.printf("%,d groups (%,d flagged), %,d people in them, the largest of %,d bookings; %,d values too"
                + " common to link; %,d groups of 3 to 8 bookings%n", found.groups().size(),
                found.groups().stream().filter(LinkGroup::flagged).count(), people, largest, found.tooCommon().size(),
                inRings);
    }

    private static List<ScreenedFlight> day(int passengers, Random random) {
        LocalDate day = LocalDate.of(2026, 12, 10);
        String[] family = names(random, 4_000, "FAM");
        String[] given = names(random, 600, "GIV");
        List<ScreenedFlight> flights = new ArrayList<>();
        int made = 0;
        int bookingNumber = 0;
        int ring = 0;
        int inRing = 0;
        while (made < passengers) {
            List<Passenger> aboard = new ArrayList<>();
            List<PassengerBooking> rows = new ArrayList<>();
            int seats = Math.min(160, passengers - made);
            while (aboard.size() < seats) {
                int party = Math.min(seats - aboard.size(), party(random));
                String locator = Long.toString(36L * 36 * 36 * 36 * 36 + bookingNumber++, 36).toUpperCase();
                UUID id = UUID.randomUUID();
                List<BookedName> names = new ArrayList<>();
                String familyName = family[random.nextInt(family.length)];
                for (int i = 0; i < party; i++) {
                    String givenName = given[random.nextInt(given.length)];
                    LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(25_000));
                    aboard.add(new Passenger(UUID.randomUUID(), "PNRGOV", "PASSENGER", familyName, givenName, born,
                            "F", "BGR", null, null, null, null, null, null, null, null, locator, id));
                    names.add(new BookedName(familyName, givenName, born, "PASSENGER"));
                }
                List<Contact> contacts = new ArrayList<>();
                // One booking in 60 is in a ring of 3 to 8 that share a phone (or, for some, a card).
                boolean ringed = random.nextInt(60) == 0 || inRing > 0;
                if (ringed && inRing == 0) {
                    ring++;
                    inRing = 3 + random.nextInt(6);
                }
                String ringPhone = ringed ? "+35970000" + ring : null;
                contacts.add(new Contact("PHONE", ringed && ring % 3 != 0 ? ringPhone : "+44770" + bookingNumber));
                contacts.add(new Contact("EMAIL", "b" + bookingNumber + "@example.com"));
                if (random.nextInt(5) == 0) {
                    contacts.add(new Contact("ADDRESS", (1 + random.nextInt(200)) + " HIGH STREET TOWN"
                            + random.nextInt(20_000)));
                }
                String payer = random.nextInt(3) == 0 ? given[random.nextInt(given.length)] + " "
                        + family[random.nextInt(family.length)] : null;
                String card = random.nextInt(10) < 6 ? (ringed && ring % 3 == 0 ? "ring-card-" + ring
                        : "card-" + bookingNumber) : null;
                String agency = random.nextInt(5) < 2 ? agency(random) : null;
                if (inRing > 0) {
                    inRing--;
                }
                rows.add(new PassengerBooking(id, locator, day.minusDays(20), 20, random.nextBoolean(), List.of(),
                        "CC", card, payer, agency, contacts, names));
            }
            made += aboard.size();
            flights.add(ScreenedFlight.of(new FlightPassengers(UUID.randomUUID(), "BB", String.valueOf(flights.size()),
                    day, "SOF", "STN", day.atTime(10, 0), day.atTime(12, 0), null, false, List.of(), aboard, rows)));
        }
        return flights;
    }

    /** 1 to 6 on a booking: most alone or in twos. */
    private static int party(Random random) {
        int roll = random.nextInt(100);
        return roll < 60 ? 1 : roll < 85 ? 2 : roll < 93 ? 3 : roll < 98 ? 4 : 5 + random.nextInt(2);
    }

    /** 20 large agencies take half the agency bookings; 20,000 small ones the rest. */
    private static String agency(Random random) {
        return random.nextBoolean() ? "LARGE AGENCY " + random.nextInt(20) : "SMALL AGENCY " + random.nextInt(20_000);
    }

    private static String[] names(Random random, int count, String prefix) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = prefix + Integer.toString(i, 26).toUpperCase().replaceAll("[0-9]", "Q");
        }
        return names;
    }
}
