package org.waymark.operation;

import java.time.LocalDate;
import java.util.Set;

import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;

/**
 * An operation as one user may see it. Partners and analysts get the outline only: their
 * {@code plan} is null.
 *
 * @param editable whether this user may change the plan now
 * @param nextStatuses the statuses this user may move the operation to
 */
public record OperationView(OperationId id, String name, AirportCode port, LocalDate startDate, LocalDate endDate,
        OperationStatus status, Plan plan, boolean editable, Set<OperationStatus> nextStatuses) {

    /**
     * The focus and the partners: for officers, coordinators and administrators; and whether
     * flights that passenger data speak of are added to the operation's.
     */
    public record Plan(AgencyId leadAgency, Set<ExploitationType> focusExploitationTypes,
            Set<CountryCode> focusCountries, Set<AgencyId> agencyIds, boolean addFlightsFromPassengerData) {

        public Plan(AgencyId leadAgency, Set<ExploitationType> focusExploitationTypes, Set<CountryCode> focusCountries,
                Set<AgencyId> agencyIds) {
            this(leadAgency, focusExploitationTypes, focusCountries, agencyIds, false);
        }
    }

    public OperationDetails details() {
        return new OperationDetails(name, port, startDate, endDate, plan == null ? Set.of() : plan.focusExploitationTypes(),
                plan == null ? Set.of() : plan.focusCountries(), plan == null ? Set.of() : plan.agencyIds(),
                plan != null && plan.addFlightsFromPassengerData());
    }
}
