package org.waymark.flight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.waymark.shared.AirportCode;

/**
 * Every airport Waymark ships is known at start-up with its time zone, including one whose zone
 * is newer than the running Java's time-zone data; a port's zone comes from one place, with UTC
 * for a port the data no longer has.
 */
class AirportsTest {

    private final Airports airports = new Airports();

    @Test
    void everyShippedAirportIsKnownWithItsTimeZone() throws IOException {
        List<String> codes = shippedCodes();

        assertThat(airports.count()).isEqualTo(codes.size());
        assertThat(codes).allSatisfy(code -> {
            assertThat(airports.find(code)).as(code).hasValueSatisfying(
                    airport -> assertThat(airport.timeZone()).isNotNull());
            assertThat(airports.isKnown(new AirportCode(code))).as(code).isTrue();
        });
    }

    @Test
    void balmacedaWhoseZoneIsNewerThanThisJavaIsKeptAtItsOffset() {
        // America/Coyhaique came with tz data 2025b; Aysén is on UTC-3 all year.
        assertThat(airports.find("BBA")).hasValueSatisfying(airport -> {
            assertThat(airport.city()).isEqualTo("Balmaceda");
            assertThat(airport.timeZone().getRules().getOffset(Instant.now())).isEqualTo(ZoneOffset.ofHours(-3));
        });
        assertThat(airports.zoneOf(new AirportCode("BBA"))).isEqualTo(airports.find("BBA").orElseThrow().timeZone());
    }

    @Test
    void aZoneThisJavaDoesNotKnowIsTheOffsetTheDataGives() {
        assertThat(Airports.zone("America/Not_Yet_In_Java", "-03:00")).isEqualTo(ZoneOffset.ofHours(-3));
        assertThat(Airports.zone("Asia/Kathmandu", "+05:45")).isEqualTo(ZoneId.of("Asia/Kathmandu"));
    }

    @Test
    void aPortsZoneIsItsAirportsAndUtcForAPortNoLongerInTheData() {
        assertThat(airports.zoneOf(new AirportCode("STN"))).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(airports.zoneOf(new AirportCode("ZZZ"))).isEqualTo(ZoneOffset.UTC);
    }

    private static List<String> shippedCodes() throws IOException {
        try (InputStream in = new ClassPathResource(Airports.RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.substring(0, line.indexOf(','))).toList();
        }
    }
}
