package org.waymark.screening.rules;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.waymark.screening.passenger.ScreenedPassenger;

/**
 * What a rule can ask about a passenger. Each field has a kind of value, a label (message key
 * {@code screening.rules.field.NAME}), a phrase that states a passenger's value in words
 * ({@code screening.rules.fact.NAME}), and a unit where numbers need one. A value the data did
 * not give is null, and a multi-valued field (the airports of an itinerary) holds when any of its
 * values does.
 */
public enum Field {

    PASSENGER_TYPE(Section.PASSENGER, Kind.CODE, null, Codes.PLAIN, p -> p.type()),
    AGE(Section.PASSENGER, Kind.NUMBER, "years", Codes.PLAIN, p -> p.age()),
    MINOR(Section.PASSENGER, Kind.YES_NO, null, Codes.PLAIN, p -> p.minor()),
    GENDER(Section.PASSENGER, Kind.CODE, null, Codes.PLAIN, p -> p.gender()),
    NATIONALITY(Section.PASSENGER, Kind.CODE, null, Codes.COUNTRY, p -> p.nationality()),
    RESIDENCE(Section.PASSENGER, Kind.CODE, null, Codes.COUNTRY, p -> p.residence()),
    BAGS(Section.PASSENGER, Kind.NUMBER, "bags", Codes.PLAIN, p -> p.bags()),

    DOCUMENT_TYPE(Section.DOCUMENT, Kind.CODE, null, Codes.PLAIN, p -> p.documentType()),
    DOCUMENT_COUNTRY(Section.DOCUMENT, Kind.CODE, null, Codes.COUNTRY, p -> p.documentCountry()),
    DOCUMENT_DAYS_TO_EXPIRY(Section.DOCUMENT, Kind.NUMBER, "days", Codes.PLAIN,
            p -> p.documentExpiry() == null || p.departureDate() == null ? null
                    : (int) ChronoUnit.DAYS.between(p.departureDate(), p.documentExpiry())),

    FLIGHT_NUMBER(Section.FLIGHT, Kind.CODE, null, Codes.PLAIN, p -> p.flightNumber()),
    ORIGIN(Section.FLIGHT, Kind.CODE, null, Codes.PLAIN, p -> p.origin()),
    DESTINATION(Section.FLIGHT, Kind.CODE, null, Codes.PLAIN, p -> p.destination()),
    ROUTE(Section.FLIGHT, Kind.CODE, null, Codes.PLAIN, p -> p.route()),
    DEPARTURE_WEEKDAY(Section.FLIGHT, Kind.CODE, null, Codes.WEEKDAY,
            p -> p.departureDate() == null ? null : p.departureDate().getDayOfWeek().name()),

    BOOKING_DAYS_BEFORE(Section.BOOKING, Kind.NUMBER, "days", Codes.PLAIN, booking(b -> b.daysBefore())),
    ONE_WAY(Section.BOOKING, Kind.YES_NO, null, Codes.PLAIN, booking(b -> b.oneWay())),
    STAY_DAYS(Section.BOOKING, Kind.NUMBER, "days", Codes.PLAIN, booking(b -> b.stayDays())),
    PAYMENT_TYPE(Section.BOOKING, Kind.CODE, null, Codes.PLAIN, booking(b -> b.paymentType())),
    PAYER_TRAVELS(Section.BOOKING, Kind.YES_NO, null, Codes.PLAIN, booking(b -> b.payerTravels())),
    PAYER_NAME(Section.BOOKING, Kind.TEXT, null, Codes.PLAIN, booking(b -> b.payerName())),
    TRAVEL_AGENCY(Section.BOOKING, Kind.TEXT, null, Codes.PLAIN, booking(b -> b.travelAgency())),
    CARD_GIVEN(Section.BOOKING, Kind.YES_NO, null, Codes.PLAIN,
            booking(b -> b.cardHash() != null && !b.cardHash().isBlank())),
    BOOKING_TRAVELLERS(Section.BOOKING, Kind.NUMBER, "people", Codes.PLAIN, booking(b -> b.travellers())),

    PHONES(Section.CONTACTS, Kind.NUMBER, "phones", Codes.PLAIN, booking(b -> b.phones().size())),
    EMAILS(Section.CONTACTS, Kind.NUMBER, "emails", Codes.PLAIN, booking(b -> b.emails().size())),
    UNRELATED_SHARING_CONTACT(Section.CONTACTS, Kind.NUMBER, "people", Codes.PLAIN,
            p -> p.unrelatedSharingContact()),

    ITINERARY_FLIGHTS(Section.ITINERARY, Kind.NUMBER, "flights", Codes.PLAIN,
            booking(b -> b.itinerary().isEmpty() ? null : b.itinerary().size())),
    ITINERARY_AIRPORTS(Section.ITINERARY, Kind.CODE, null, Codes.PLAIN, booking(Field::airports), true),

    ADULTS_OF_ANOTHER_FAMILY_NAME(Section.MINOR, Kind.NUMBER, "adults", Codes.PLAIN,
            p -> p.adultsOfAnotherFamilyName());

    /** Where the form shows a field. */
    public enum Section {
        PASSENGER, DOCUMENT, FLIGHT, BOOKING, CONTACTS, ITINERARY, MINOR
    }

    /** The kind of value a field holds, which decides the operators that apply to it. */
    public enum Kind {
        /** Free text such as a payer's name: compared without case or accents. */
        TEXT,
        /** A code such as a country (ISO 3166 alpha-3, as passenger data gives it) or an airport. */
        CODE,
        /** A whole number. */
        NUMBER,
        /** Yes or no, written as YES or NO. */
        YES_NO
    }

    /** How a code is shown in words. */
    public enum Codes {
        PLAIN, COUNTRY, WEEKDAY
    }

    private final Section section;
    private final Kind kind;
    private final String unit;
    private final Codes codes;
    private final Function<ScreenedPassenger, Object> value;
    private final boolean multiValued;

    Field(Section section, Kind kind, String unit, Codes codes, Function<ScreenedPassenger, Object> value) {
        this(section, kind, unit, codes, value, false);
    }

    Field(Section section, Kind kind, String unit, Codes codes, Function<ScreenedPassenger, Object> value,
            boolean multiValued) {
        this.section = section;
        this.kind = kind;
        this.unit = unit;
        this.codes = codes;
        this.value = value;
        this.multiValued = multiValued;
    }

    public Section section() {
        return section;
    }

    public Kind kind() {
        return kind;
    }

    /** The unit of a number (days, years, people ...), naming a key {@code screening.rules.unit.UNIT}; null for none. */
    public String unit() {
        return unit;
    }

    public Codes codes() {
        return codes;
    }

    /** The comparisons that apply to the field, in the order a form offers them. */
    public List<Operator> operators() {
        return java.util.Arrays.stream(Operator.values()).filter(operator -> operator.appliesTo(this)).toList();
    }

    /** Whether the field holds several values (a list), any of which can make a condition hold. */
    public boolean multiValued() {
        return multiValued;
    }

    /** The key of the field's label on a form, such as “Days booked before departure”. */
    public String labelKey() {
        return "screening.rules.field." + name();
    }

    /** The key of the field's name within a sentence, such as “nationality” in “nationality Moldova is in focus countries”. */
    public String subjectKey() {
        return "screening.rules.subject." + name();
    }

    /** The key of the field's hint on a form: what its values look like. */
    public String hintKey() {
        return "screening.rules.field." + name() + ".hint";
    }

    /**
     * The key of the phrase that states a passenger's value, such as “booked {0} before
     * departure”; for a yes or no field, two keys ending .yes and .no, such as “payer travels”.
     */
    public String factKey() {
        return "screening.rules.fact." + name();
    }

    /**
     * The passenger's value: a String, an Integer, a Boolean, or for a multi-valued field a list
     * of Strings; null where the data does not give it.
     */
    public Object valueOf(ScreenedPassenger passenger) {
        return value.apply(passenger);
    }

    private static Function<ScreenedPassenger, Object> booking(Function<ScreenedPassenger.Booking, Object> value) {
        return passenger -> passenger.booking() == null ? null : value.apply(passenger.booking());
    }

    /** The airports of an itinerary's lines (CC1234 ORG-DST time), each once, in order. */
    private static Object airports(ScreenedPassenger.Booking booking) {
        // Read by every rule on airports for every passenger: no split, no pattern.
        List<String> airports = new ArrayList<>(4);
        for (String line : booking.itinerary()) {
            int space = line.indexOf(' ');
            if (space >= 0 && line.length() >= space + 8 && line.charAt(space + 4) == '-'
                    && (line.length() == space + 8 || line.charAt(space + 8) == ' ')) {
                addOnce(airports, line.substring(space + 1, space + 4));
                addOnce(airports, line.substring(space + 5, space + 8));
            }
        }
        return airports.isEmpty() ? null : airports;
    }

    private static void addOnce(List<String> airports, String airport) {
        if (!airports.contains(airport)) {
            airports.add(airport);
        }
    }

    /** A passenger's value as a list: a multi-valued field's values, or the one value. */
    static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }
}
