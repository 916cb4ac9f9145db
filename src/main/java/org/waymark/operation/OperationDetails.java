package org.waymark.operation;

import java.time.LocalDate;
import java.util.Set;

import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;

/** What a coordinator plans: everything of an operation but its status. */
public record OperationDetails(String name, AirportCode port, LocalDate startDate, LocalDate endDate,
        Set<ExploitationType> focusExploitationTypes, Set<CountryCode> focusCountries, Set<AgencyId> agencyIds) {

    public OperationDetails {
        focusExploitationTypes = focusExploitationTypes == null ? Set.of() : Set.copyOf(focusExploitationTypes);
        focusCountries = focusCountries == null ? Set.of() : Set.copyOf(focusCountries);
        agencyIds = agencyIds == null ? Set.of() : Set.copyOf(agencyIds);
    }
}
