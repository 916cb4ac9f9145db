package org.waymark.safeguarding.web;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.waymark.flight.Airports;
import org.waymark.shared.AirportCode;

/** The time zone of an operation's port: pages show every time as local time there, as flights are. */
@Component
@RequiredArgsConstructor
class PortTime {

    private final Airports airports;

    /** The zone's id, as the templates' {@code #temporals.format} takes it. */
    String zone(String port) {
        return airports.zoneOf(new AirportCode(port)).getId();
    }
}
