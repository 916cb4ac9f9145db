package org.waymark.passengerdata.edifact;

import java.time.LocalDate;

/**
 * A person the message names on its flight. Everything but the name may be missing (null).
 *
 * @param type        passenger, infant or crew
 * @param familyName  as sent
 * @param givenNames  as sent, middle names included, or null
 * @param birthDate   date of birth
 * @param gender      {@code M}, {@code F} or {@code U} (or {@code X}) as sent
 * @param nationality ISO 3166 alpha-3 as sent
 * @param residence   country of residence, alpha-3 as sent
 * @param document    the travel document
 * @param seat        the seat, such as {@code 12C}
 * @param bags        number of checked bags
 * @param checkedIn   whether checked in, where sent
 * @param boarded     whether boarded, where sent
 * @param bookingLocator the record locator of the booking the traveller is on, where sent
 * @param reference   the airline's reference of the traveller within the message (PNR
 *                    traveller reference, PAXLST RFF), to tell two people of one name apart
 */
public record Traveller(TravellerType type, String familyName, String givenNames, LocalDate birthDate,
        String gender, String nationality, String residence, TravelDocument document, String seat, Integer bags,
        Boolean checkedIn, Boolean boarded, String bookingLocator, String reference) {
}
