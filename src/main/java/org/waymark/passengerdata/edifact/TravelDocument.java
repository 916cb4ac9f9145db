package org.waymark.passengerdata.edifact;

import java.time.LocalDate;

/**
 * @param type           the document type code as sent ({@code P} passport, {@code I} identity card, ...)
 * @param number         the document number
 * @param issuingCountry ISO 3166 alpha-3 as sent
 * @param expiry         null when not sent
 */
public record TravelDocument(String type, String number, String issuingCountry, LocalDate expiry) {
}
