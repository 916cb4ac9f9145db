package org.waymark.safeguarding.web;

import java.time.ZoneId;

import org.springframework.stereotype.Component;
import org.waymark.flight.Airport;
import org.waymark.flight.Airports;

/** The time zone of an operation's port: pages show every time as local time there, as flights are. */
@Component
class PortTime {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private final Airports airports;

    PortTime(Airports airports) {
        this.airports = airports;
    }

    /** The zone's id, as the templates' {@code #temporals.format} takes it. */
    String zone(String port) {
        return airports.find(port).map(Airport::timeZone).orElse(UK).getId();
    }
}
