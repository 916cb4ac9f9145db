package org.waymark.screening.links;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.waymark.screening.passenger.ScreenedFlight;
import org.waymark.screening.passenger.ScreenedPassenger;
import org.waymark.shared.Disposal;
import org.waymark.shared.NameMatch;

/**
 * Finds bookings that share a phone, email, payer, address, card or travel agency, across flights
 * and days, and groups them with everyone on them: two bookings are in one group when a chain of
 * shared values joins them. A booking is one unit however many flights it takes (its locator), so
 * people travelling together on it are never 'linked'. A value given by more than
 * {@link #MOST_SHARING} bookings (a call centre's number), or an agency that made more than
 * {@link #MOST_SHARING_AGENCY}, would join everyone: it links nobody and is reported as too common
 * to link. Masked flights give no links: their values
 * are gone. Each value is indexed once and bookings are joined through the index, never compared
 * in pairs, so a day's 800,000 passengers take seconds (see docs/performance.md).
 */
@Component
public class BookingLinks {

    /** The most bookings one value may be shared by and still link them; see ADR 0047. */
    public static final int MOST_SHARING = 20;
    /**
     * The most bookings one travel agency may have made and still link them: an agency books for
     * strangers every day, so only a very small one's bookings are worth a look together.
     */
    public static final int MOST_SHARING_AGENCY = 5;

    /** The most bookings a value of this kind may be shared by and still link them. */
    public static int mostSharing(LinkKind kind) {
        return kind == LinkKind.AGENCY ? MOST_SHARING_AGENCY : MOST_SHARING;
    }

    /** A value too many bookings share to link them, as it may be shown, and how many share it. */
    public record TooCommon(LinkKind kind, String value, int bookings) {
    }

    /** The groups, the flagged first, then by how many people each holds; and the values too common to link. */
    public record Found(List<LinkGroup> groups, List<TooCommon> tooCommon) {
    }

    /** The groups of these flights' bookings, those of more people than {@code flagSize} flagged. */
    public List<LinkGroup> groups(List<ScreenedFlight> flights, int flagSize) {
        return find(flights, flagSize).groups();
    }

    /** The groups, as {@link #groups}, and the values that were too common to link anyone. */
    public Found find(List<ScreenedFlight> flights, int flagSize) {
        Units units = new Units();
        for (ScreenedFlight flight : flights) {
            if (flight.masked()) {
                continue;
            }
            for (ScreenedPassenger passenger : flight.passengers()) {
                units.add(flight, passenger);
            }
        }
        return units.grouped(flagSize);
    }

    /** A passenger on a flight; made a group's member only if their booking is linked. */
    private record Aboard(ScreenedFlight flight, ScreenedPassenger passenger) {
    }

    /** A booking by its locator, over every flight it takes. */
    private static final class Unit {
        final String locator;
        final List<Aboard> aboard = new ArrayList<>(2);
        final List<ScreenedPassenger.Booking> rows = new ArrayList<>(1);

        Unit(String locator) {
            this.locator = locator;
        }
    }

    /** The bookings that give a value: the first ones (one more than may link), and how many. */
    private static final class Sharing {
        final String shown;
        final int first;
        int[] more;
        int count = 1;

        Sharing(String shown, int first) {
            this.shown = shown;
            this.first = first;
        }

        void add(int unit) {
            if (count <= MOST_SHARING) {
                if (more == null) {
                    more = new int[2];
                } else if (count - 1 == more.length) {
                    more = Arrays.copyOf(more, Math.min(more.length * 2, MOST_SHARING));
                }
                more[count - 1] = unit;
            }
            count++;
        }

        int unit(int i) {
            return i == 0 ? first : more[i - 1];
        }
    }

    private static final class Units {
        final Map<String, Integer> byLocator = new HashMap<>();
        final List<Unit> units = new ArrayList<>();
        final Map<LinkKind, Map<String, Sharing>> values = new EnumMap<>(LinkKind.class);

        void add(ScreenedFlight flight, ScreenedPassenger passenger) {
            ScreenedPassenger.Booking booking = passenger.booking();
            if (booking == null || absent(booking.locator())) {
                return;
            }
            String locator = booking.locator().strip().toUpperCase(Locale.ROOT);
            Integer index = byLocator.get(locator);
            if (index == null) {
                index = units.size();
                byLocator.put(locator, index);
                units.add(new Unit(locator));
            }
            Unit unit = units.get(index);
            unit.aboard.add(new Aboard(flight, passenger));
            if (unit.rows.stream().noneMatch(row -> row.id().equals(booking.id()))) {
                unit.rows.add(booking);
            }
        }

        /** Indexes each booking's values, each value once for a booking however many flights it takes. */
        void index() {
            for (LinkKind kind : LinkKind.values()) {
                values.put(kind, new HashMap<>());
            }
            Set<String> given = new HashSet<>();
            for (int index = 0; index < units.size(); index++) {
                given.clear();
                for (ScreenedPassenger.Booking booking : units.get(index).rows) {
                    for (String phone : booking.phones()) {
                        share(LinkKind.PHONE, phone, phone, index, given);
                    }
                    for (String email : booking.emails()) {
                        share(LinkKind.EMAIL, email, email, index, given);
                    }
                    for (String address : booking.addresses()) {
                        share(LinkKind.ADDRESS, words(address, false), address, index, given);
                    }
                    share(LinkKind.PAYER, words(booking.payerName(), true), booking.payerName(), index, given);
                    share(LinkKind.CARD, booking.cardHash(), null, index, given);
                    share(LinkKind.AGENCY, words(booking.travelAgency(), false), booking.travelAgency(), index, given);
                }
            }
        }

        void share(LinkKind kind, String value, String asGiven, int unit, Set<String> given) {
            if (absent(value) || asGiven != null && absent(asGiven) || !given.add(kind.ordinal() + value)) {
                return;
            }
            Map<String, Sharing> ofKind = values.get(kind);
            Sharing sharing = ofKind.get(value);
            if (sharing == null) {
                ofKind.put(value, new Sharing(shown(kind, asGiven == null ? null : asGiven.strip()), unit));
            } else {
                sharing.add(unit);
            }
        }

        Found grouped(int flagSize) {
            index();
            int[] parent = new int[units.size()];
            Arrays.setAll(parent, i -> i);
            List<TooCommon> tooCommon = new ArrayList<>();
            for (Map.Entry<LinkKind, Map<String, Sharing>> ofKind : values.entrySet()) {
                int most = mostSharing(ofKind.getKey());
                for (Sharing sharing : ofKind.getValue().values()) {
                    if (sharing.count > most) {
                        tooCommon.add(new TooCommon(ofKind.getKey(), sharing.shown, sharing.count));
                    } else {
                        for (int i = 1; i < sharing.count; i++) {
                            union(parent, sharing.first, sharing.unit(i));
                        }
                    }
                }
            }
            // Each group's bookings, and the links between them: each value links its first booking (by
            // locator) to each other booking giving it.
            Map<Integer, List<Integer>> byRoot = new HashMap<>();
            for (int unit = 0; unit < units.size(); unit++) {
                byRoot.computeIfAbsent(find(parent, unit), key -> new ArrayList<>(1)).add(unit);
            }
            Map<Integer, List<LinkGroup.Link>> links = new HashMap<>();
            for (Map.Entry<LinkKind, Map<String, Sharing>> ofKind : values.entrySet()) {
                int most = mostSharing(ofKind.getKey());
                for (Sharing sharing : ofKind.getValue().values()) {
                    if (sharing.count < 2 || sharing.count > most) {
                        continue;
                    }
                    List<String> locators = new ArrayList<>();
                    for (int i = 0; i < sharing.count; i++) {
                        locators.add(units.get(sharing.unit(i)).locator);
                    }
                    locators.sort(null);
                    List<LinkGroup.Link> group = links.computeIfAbsent(find(parent, sharing.first),
                            key -> new ArrayList<>());
                    for (String other : locators.subList(1, locators.size())) {
                        group.add(new LinkGroup.Link(locators.get(0), other, ofKind.getKey(), sharing.shown));
                    }
                }
            }
            List<LinkGroup> groups = new ArrayList<>();
            for (Map.Entry<Integer, List<Integer>> entry : byRoot.entrySet()) {
                if (entry.getValue().size() > 1) {
                    LinkGroup group = group(entry.getValue(), links.getOrDefault(entry.getKey(), List.of()),
                            flagSize);
                    if (group != null) {
                        groups.add(group);
                    }
                }
            }
            groups.sort(Comparator.comparing(LinkGroup::flagged).reversed()
                    .thenComparing(Comparator.comparingInt(LinkGroup::people).reversed())
                    .thenComparing(group -> group.bookings().get(0)));
            tooCommon.sort(Comparator.comparingInt(TooCommon::bookings).reversed().thenComparing(TooCommon::kind)
                    .thenComparing(common -> String.valueOf(common.value())));
            return new Found(List.copyOf(groups), List.copyOf(tooCommon));
        }

        /** The group of these bookings; none where all are one person's (their own bookings, linked to themselves). */
        LinkGroup group(List<Integer> bookings, List<LinkGroup.Link> links, int flagSize) {
            TreeMap<String, Unit> byLocator = new TreeMap<>();
            bookings.forEach(unit -> byLocator.put(units.get(unit).locator, units.get(unit)));
            List<LinkGroup.Member> people = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (Unit unit : byLocator.values()) {
                List<LinkGroup.Member> members = new ArrayList<>();
                for (Aboard on : unit.aboard) {
                    ScreenedPassenger passenger = on.passenger();
                    members.add(new LinkGroup.Member(passenger.travellerId(), passenger.personKey(), passenger.name(),
                            on.flight().id(), on.flight().flightNumber(), on.flight().departureDate(),
                            on.flight().departureUtc(), passenger.seat(), passenger.booking().id(), unit.locator));
                }
                members.sort(ON_A_BOOKING);
                people.addAll(members);
                members.forEach(member -> keys.add(member.personKey()));
            }
            if (keys.size() < 2) {
                return null;
            }
            List<LinkGroup.Link> sorted = new ArrayList<>(links);
            sorted.sort(Comparator.comparing(LinkGroup.Link::a).thenComparing(LinkGroup.Link::b)
                    .thenComparing(LinkGroup.Link::kind));
            UUID id = UUID.nameUUIDFromBytes(("booking links " + byLocator.firstKey()).getBytes(StandardCharsets.UTF_8));
            return new LinkGroup(id, List.copyOf(byLocator.keySet()), List.copyOf(people), List.copyOf(sorted),
                    keys.size(), keys.size() > flagSize);
        }
    }

    /** A booking's passengers by day, flight and name. */
    private static final Comparator<LinkGroup.Member> ON_A_BOOKING = Comparator
            .comparing(LinkGroup.Member::day, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(LinkGroup.Member::flightNumber)
            .thenComparing(LinkGroup.Member::name, Comparator.nullsLast(Comparator.naturalOrder()));

    private static int find(int[] parent, int unit) {
        int root = unit;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[unit] != root) {
            int next = parent[unit];
            parent[unit] = root;
            unit = next;
        }
        return root;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }

    /** The words of a name or text without case or accents; for a payer, in any order. */
    private static String words(String text, boolean anyOrder) {
        List<String> words = new ArrayList<>(NameMatch.words(text));
        if (anyOrder) {
            words.sort(null);
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /** Nothing given, or given and masked since. */
    private static boolean absent(String value) {
        return value == null || value.isBlank() || value.contains(Disposal.MARKER);
    }

    /** A value as a page may show it: a phone partly hidden, a card not at all. */
    static String shown(LinkKind kind, String value) {
        return switch (kind) {
            case CARD -> null;
            case PHONE -> maskedPhone(value);
            default -> value;
        };
    }

    /** {@code +447700900123} as {@code +44 7•••• 123}: enough to tell two numbers apart, not to call one. */
    static String maskedPhone(String phone) {
        if (phone.length() < 7) {
            return "•••• " + phone.substring(Math.max(0, phone.length() - 2));
        }
        return phone.substring(0, 3) + " " + phone.charAt(3) + "•••• " + phone.substring(phone.length() - 3);
    }
}
