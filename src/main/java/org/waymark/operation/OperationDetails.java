package org.waymark.operation;

import java.time.LocalDate;
import java.util.Set;

import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;

/**
 * What a coordinator plans: everything of an operation but its status.
 *
 * @param addFlightsFromPassengerData whether a flight that passenger data speak of, at the port
 *            within the dates, is added to the operation's flights when it has not listed it
 */
public record OperationDetails(String name, AirportCode port, LocalDate startDate, LocalDate endDate,
        Set<ExploitationType> focusExploitationTypes, Set<CountryCode> focusCountries, Set<AgencyId> agencyIds,
        boolean addFlightsFromPassengerData) {

    /** A plan that adds no flights from passenger data. */
    public OperationDetails(String name, AirportCode port, LocalDate startDate, LocalDate endDate,
            Set<ExploitationType> focusExploitationTypes, Set<CountryCode> focusCountries, Set<AgencyId> agencyIds) {
        this(name, port, startDate, endDate, focusExploitationTypes, focusCountries, agencyIds, false);
    }

    public OperationDetails {
        focusExploitationTypes = focusExploitationTypes == null ? Set.of() : Set.copyOf(focusExploitationTypes);
        focusCountries = focusCountries == null ? Set.of() : Set.copyOf(focusCountries);
        agencyIds = agencyIds == null ? Set.of() : Set.copyOf(agencyIds);
    }
}
