package org.waymark.safeguarding.web;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.waymark.flight.Airports;
import org.waymark.shared.AirportCode;

/** The time zone of an operation's port: pages show every time as local time there, as flights are. */
@Component
@RequiredArgsConstructor
class PortTime {

    private final Airports airports;
    private final Clock clock;

    /** The zone's id, as the templates' {@code #temporals.format} takes it. */
    String zone(String port) {
        return airports.zoneOf(new AirportCode(port)).getId();
    }

    /** Today at the port, which may not be today where the server is. */
    LocalDate today(String port) {
        return LocalDate.now(clock.withZone(airports.zoneOf(new AirportCode(port))));
    }
}
