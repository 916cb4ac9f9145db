package org.waymark.flight.web;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;

/**
 * Gives every page the {@code flightWork} of the signed-in user (the shift page's "My flights"),
 * so that the operation module need not know of this one. Nothing is read until a template asks.
 */
@ControllerAdvice(annotations = PageController.class)
@RequiredArgsConstructor
class FlightPageAdvice {

    private final Flights flights;

    @ModelAttribute("flightWork")
    FlightWork flightWork(@AuthenticationPrincipal WaymarkUser user) {
        return new FlightWork(flights, user);
    }

    /** What other modules' pages ask of flights, answered only when a template asks. */
    public static final class FlightWork {

        private final Flights flights;
        private final WaymarkUser user;

        FlightWork(Flights flights, WaymarkUser user) {
            this.flights = flights;
            this.user = user;
        }

        /** The flights the user is assigned to meet next in the operation. */
        public List<FlightView> assignedToMe(OperationId operation) {
            return user == null || operation == null ? List.of() : flights.assignedTo(operation, user);
        }
    }
}
