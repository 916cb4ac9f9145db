package org.waymark.passengerdata.edifact;

import java.time.LocalDate;
import java.util.List;

/**
 * A PNR as the push tells it. Card and frequent flyer numbers are here only on their way to
 * being hashed: they are never stored as sent (see {@link #secrets()}).
 *
 * @param locator        the record locator
 * @param bookedOn       when the booking was made (RCI), or null
 * @param itinerary      every flight of the booking, in order; the flight of the push included
 * @param paymentType    the form of payment's type code as sent ({@code CC}, {@code CA} cash, {@code MS}...)
 * @param cardNumber     the card number of a card payment, or null
 * @param payerName      who paid, where the booking names them, or null
 * @param travelAgency   the agency that made the booking (its name or IATA number), or null
 * @param contacts       phones, emails and addresses on the booking
 * @param travellers     everyone on the booking, with the push's flight's details (seat, bags...)
 * @param frequentFlyerNumbers as sent, each {@code carrier:number}
 */
public record Booking(String locator, LocalDate bookedOn, List<FlightLeg> itinerary, String paymentType,
        String cardNumber, String payerName, String travelAgency, List<Contact> contacts, List<Traveller> travellers,
        List<String> frequentFlyerNumbers) {

    public Booking {
        itinerary = List.copyOf(itinerary);
        contacts = List.copyOf(contacts);
        travellers = List.copyOf(travellers);
        frequentFlyerNumbers = List.copyOf(frequentFlyerNumbers);
    }

    /** The values that must never be stored as sent: the card number and frequent flyer numbers. */
    public List<String> secrets() {
        var all = new java.util.ArrayList<String>(frequentFlyerNumbers);
        if (cardNumber != null) {
            all.add(cardNumber);
        }
        return all;
    }
}
