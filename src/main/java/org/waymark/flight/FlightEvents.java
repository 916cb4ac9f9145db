package org.waymark.flight;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/** Events of the flight module, recorded in the audit log. */
public final class FlightEvents {

    private FlightEvents() {
    }

    public record FlightAdded(FlightId flightId, Actor actor) implements Auditable {
        public String action() { return "FLIGHT_ADDED"; }
        public String recordType() { return "FLIGHT"; }
        public String recordId() { return flightId.toString(); }
    }

    public record FlightsImported(OperationId operationId, int accepted, Actor actor) implements Auditable {
        public String action() { return "FLIGHTS_IMPORTED"; }
        public String recordType() { return "OPERATION"; }
        public String recordId() { return operationId.toString(); }
        public String detail() { return accepted + " flights"; }
    }

    public record FlightChanged(FlightId flightId, String change, Actor actor) implements Auditable {
        public String action() { return "FLIGHT_" + change; }
        public String recordType() { return "FLIGHT"; }
        public String recordId() { return flightId.toString(); }
    }
}
