package org.waymark.screening.passenger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.waymark.passengerdata.PassengerData.Contact;
import org.waymark.passengerdata.PassengersForScreening.FlightPassengers;
import org.waymark.passengerdata.PassengersForScreening.OperationFlight;
import org.waymark.passengerdata.PassengersForScreening.Passenger;
import org.waymark.passengerdata.PassengersForScreening.PassengerBooking;
import org.waymark.shared.NameMatch;

/**
 * One flight's passengers as screening looks at them, with the facts that need the whole flight
 * (who else shares a contact, who else is on a booking) worked out once for all of them.
 *
 * @param operationFlights the operations' flights it is: hits go to those operations
 * @param masked whether names, dates of birth, documents, payers and contacts were masked already
 */
public record ScreenedFlight(UUID id, String flightNumber, String route, LocalDate departureDate,
        Instant departureUtc, boolean masked, List<OperationFlight> operationFlights,
        List<ScreenedPassenger> passengers) {

    public static ScreenedFlight of(FlightPassengers flight) {
        Map<UUID, ScreenedPassenger.Booking> bookings = new HashMap<>();
        for (PassengerBooking booking : flight.bookings()) {
            bookings.put(booking.id(), booking(booking, flight));
        }
        // Who gives each phone and email, by family name: "unrelated" means of another family name.
        Map<String, List<Passenger>> byContact = new HashMap<>();
        for (Passenger passenger : flight.passengers()) {
            ScreenedPassenger.Booking booking = bookings.get(passenger.bookingId());
            if (booking != null) {
                for (String contact : contactsOf(booking)) {
                    byContact.computeIfAbsent(contact, key -> new ArrayList<>()).add(passenger);
                }
            }
        }
        List<ScreenedPassenger> passengers = new ArrayList<>();
        for (Passenger passenger : flight.passengers()) {
            ScreenedPassenger.Booking booking = bookings.get(passenger.bookingId());
            Integer age = age(passenger.birthDate(), flight.departureDate());
            passengers.add(new ScreenedPassenger(passenger.id(), flight.id(), flight.flightNumber(), flight.origin(),
                    flight.destination(), flight.origin() + "-" + flight.destination(), flight.departureDate(),
                    flight.departureUtc(), passenger.type(), passenger.familyName(), passenger.givenNames(),
                    passenger.birthDate(), age, passenger.gender(), passenger.nationality(), passenger.residence(),
                    passenger.documentType(), passenger.documentCountry(), passenger.documentExpiry(),
                    passenger.seat(), passenger.bags(), passenger.checkedIn(), passenger.boarded(), booking,
                    booking == null ? null : unrelatedSharing(passenger, booking, byContact),
                    age == null || age >= 18 ? null : adultsOfAnotherFamilyName(passenger, flight)));
        }
        return new ScreenedFlight(flight.id(), flight.flightNumber(), flight.origin() + "-" + flight.destination(),
                flight.departureDate(), flight.departureUtc(), flight.masked(), flight.operationFlights(),
                List.copyOf(passengers));
    }

    private static ScreenedPassenger.Booking booking(PassengerBooking booking, FlightPassengers flight) {
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (Contact contact : booking.contacts()) {
            switch (contact.kind()) {
                case "PHONE" -> phones.add(contact.value());
                case "EMAIL" -> emails.add(contact.value());
                default -> addresses.add(contact.value());
            }
        }
        Boolean payerTravels = booking.payerName() == null || booking.payerName().isBlank() ? null
                : booking.travellers().stream().anyMatch(name -> samePerson(booking.payerName(), name.familyName(),
                        name.givenNames()));
        return new ScreenedPassenger.Booking(booking.id(), booking.locator(), booking.bookedOn(),
                booking.daysBefore(), booking.oneWay(), booking.oneWay() ? null : stayDays(booking, flight),
                booking.itinerary(), booking.paymentType(), booking.cardHash(), booking.payerName(), payerTravels,
                booking.travelAgency(), List.copyOf(phones), List.copyOf(emails), List.copyOf(addresses),
                booking.travellers().size());
    }

    /** Whether a payer's name, in any order, is this traveller's family name and one of their given names. */
    private static boolean samePerson(String payer, String familyName, String givenNames) {
        Set<String> words = new HashSet<>(NameMatch.words(payer));
        List<String> family = NameMatch.words(familyName);
        List<String> given = NameMatch.words(givenNames);
        return !family.isEmpty() && words.containsAll(family) && (given.isEmpty() || given.stream().anyMatch(words::contains));
    }

    /**
     * Days from this flight to the first later flight of the booking that leaves where this one
     * lands; null where the itinerary does not say.
     */
    private static Integer stayDays(PassengerBooking booking, FlightPassengers flight) {
        LocalDate out = null;
        for (String line : booking.itinerary()) {
            String[] parts = line.split(" ");
            if (parts.length < 3 || parts[1].length() != 7) {
                continue;
            }
            LocalDate day = day(parts[2]);
            if (out == null && parts[0].equals(flight.flightNumber())) {
                out = day == null ? flight.departureDate() : day;
            } else if (out != null && day != null && parts[1].startsWith(flight.destination() + "-")) {
                return (int) java.time.temporal.ChronoUnit.DAYS.between(out, day);
            }
        }
        return null;
    }

    private static LocalDate day(String time) {
        try {
            return LocalDate.parse(time.length() >= 10 ? time.substring(0, 10) : time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> contactsOf(ScreenedPassenger.Booking booking) {
        List<String> contacts = new ArrayList<>();
        booking.phones().forEach(phone -> contacts.add("PHONE " + phone));
        booking.emails().forEach(email -> contacts.add("EMAIL " + email));
        return contacts;
    }

    private static int unrelatedSharing(Passenger passenger, ScreenedPassenger.Booking booking,
            Map<String, List<Passenger>> byContact) {
        String family = String.join(" ", NameMatch.words(passenger.familyName()));
        Set<UUID> others = new HashSet<>();
        for (String contact : contactsOf(booking)) {
            for (Passenger other : byContact.getOrDefault(contact, List.of())) {
                if (!other.id().equals(passenger.id())
                        && !family.equals(String.join(" ", NameMatch.words(other.familyName())))) {
                    others.add(other.id());
                }
            }
        }
        return others.size();
    }

    private static int adultsOfAnotherFamilyName(Passenger minor, FlightPassengers flight) {
        if (minor.bookingId() == null) {
            return 0;
        }
        String family = String.join(" ", NameMatch.words(minor.familyName()));
        return (int) flight.passengers().stream()
                .filter(other -> Objects.equals(other.bookingId(), minor.bookingId()) && !other.id().equals(minor.id()))
                .filter(other -> {
                    Integer age = age(other.birthDate(), flight.departureDate());
                    return age != null && age >= 18;
                })
                .filter(other -> !family.equals(String.join(" ", NameMatch.words(other.familyName())))).count();
    }

    private static Integer age(LocalDate birthDate, LocalDate on) {
        return birthDate == null || on == null || birthDate.isAfter(on) ? null : Period.between(birthDate, on).getYears();
    }
}
