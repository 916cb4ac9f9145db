package org.waymark.screening.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.waymark.screening.passenger.ScreenedPassenger;

/** A passenger for rule tests, everything known unless a test says otherwise. */
final class APassenger {

    static final LocalDate DAY = LocalDate.of(2026, 12, 11);

    String type = "PASSENGER";
    LocalDate birthDate = DAY.minusYears(19).minusDays(3);
    Integer age = 19;
    String gender = "F";
    String nationality = "MDA";
    String residence = "MDA";
    String documentType = "P";
    String documentCountry = "MDA";
    LocalDate documentExpiry = DAY.plusDays(400);
    String flightNumber = "FB1234";
    String origin = "LTN";
    String destination = "KIV";
    Integer bags = 1;
    boolean booked = true;
    Integer daysBefore = 1;
    boolean oneWay = true;
    Integer stayDays;
    List<String> itinerary = new ArrayList<>(List.of("FB1234 LTN-KIV 2026-12-11T09:00"));
    String paymentType = "CA";
    String cardHash;
    String payerName = "Nikolai Kolev";
    Boolean payerTravels = false;
    String travelAgency = "Sunny Travel Ltd";
    List<String> phones = List.of("+37360000001");
    List<String> emails = List.of();
    int travellers = 1;
    Integer unrelatedSharingContact = 0;
    Integer adultsOfAnotherFamilyName;

    static APassenger aPassenger() {
        return new APassenger();
    }

    ScreenedPassenger build() {
        ScreenedPassenger.Booking booking = booked ? new ScreenedPassenger.Booking(UUID.randomUUID(), "ABC123",
                daysBefore == null ? null : DAY.minusDays(daysBefore), daysBefore, oneWay, stayDays,
                List.copyOf(itinerary), paymentType, cardHash, payerName, payerTravels, travelAgency, phones, emails,
                List.of(), travellers) : null;
        return new ScreenedPassenger(UUID.randomUUID(), UUID.randomUUID(), flightNumber, origin, destination,
                origin + "-" + destination, DAY, Instant.parse("2026-12-11T09:00:00Z"), type, "CEBAN", "ANA",
                birthDate, age, gender, nationality, residence, documentType, documentCountry, documentExpiry, "12A",
                bags, true, null, booking, unrelatedSharingContact, adultsOfAnotherFamilyName);
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }
}
