package org.waymark.screening.passenger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.waymark.shared.Disposal;
import org.waymark.shared.NameMatch;

/**
 * A passenger as screening looks at them: what the airline sent, with the facts rules ask about
 * worked out once (age at departure, whether the payer travels, how long the stay is, who else
 * gives the same contact). A value the data did not give is null, never a guess.
 *
 * @param travellerId the traveller's row in the passenger data; a later message for the flight
 *        replaces it, so hits keep their own copy of what a person needs to see
 * @param flightId the flight of the passenger data
 * @param route origin and destination, as ORG-DST
 * @param type PASSENGER or INFANT
 * @param age whole years at the day of departure
 * @param bookingTravellers how many names the booking gives
 * @param payerTravels whether the payer is one of the booking's travellers; null when no payer was given
 * @param stayDays days from this flight to the booking's flight back, for a return ticket
 * @param unrelatedSharingContact how many others on the flight, of another family name, give one of
 *        this passenger's booking's phones or emails
 * @param adultsOfAnotherFamilyName for a minor: how many adults on the same booking have another family name
 */
public record ScreenedPassenger(UUID travellerId, UUID flightId, String flightNumber, String origin,
        String destination, String route, LocalDate departureDate, Instant departureUtc, String type,
        String familyName, String givenNames, LocalDate birthDate, Integer age, String gender, String nationality,
        String residence, String documentType, String documentCountry, LocalDate documentExpiry, String seat,
        Integer bags, Boolean checkedIn, Boolean boarded, Booking booking, Integer unrelatedSharingContact,
        Integer adultsOfAnotherFamilyName) {

    /**
     * The booking as screening sees it; absent (null) where no PNR came.
     *
     * @param daysBefore days between booking and departure
     * @param itinerary each flight of the booking as CC1234 ORG-DST yyyy-MM-ddTHH:mm
     * @param cardHash keyed hash of the card paid with
     */
    public record Booking(UUID id, String locator, LocalDate bookedOn, Integer daysBefore, boolean oneWay,
            Integer stayDays, List<String> itinerary, String paymentType, String cardHash, String payerName,
            Boolean payerTravels, String travelAgency, List<String> phones, List<String> emails,
            List<String> addresses, int travellers) {
    }

    /** Whether they were under 18 on the day of departure; null when no date of birth came. */
    public Boolean minor() {
        return age == null ? null : age < 18;
    }

    /**
     * Who this is across messages and flights, as far as the data tells: the words of their
     * names without case or accents, and their date of birth, hashed. A later message replaces
     * the traveller's row but not this. Null once the names were masked: nobody can be told
     * apart then.
     */
    public String personKey() {
        if (Disposal.MARKER.equals(familyName)) {
            return null;
        }
        String words = String.join(" ", NameMatch.words(familyName)) + "|" + String.join(" ", NameMatch.words(givenNames))
                + "|" + (birthDate == null ? "" : birthDate);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(words.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The name as the airline sent it, family name first. */
    public String name() {
        return givenNames == null || givenNames.isBlank() ? familyName : familyName + ", " + givenNames;
    }
}
