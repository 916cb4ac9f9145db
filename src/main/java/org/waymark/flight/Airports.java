package org.waymark.flight;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.waymark.operation.KnownAirports;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;

/**
 * The airports Waymark knows, read once from {@code flight/airports.csv} (OurAirports and Open
 * Travel Data; see docs/data-sources.md).
 */
@Service
public class Airports implements KnownAirports {

    static final String RESOURCE = "flight/airports.csv";

    private final Map<String, Airport> byCode;

    Airports() {
        this.byCode = load();
    }

    public Optional<Airport> find(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    @Override
    public boolean isKnown(AirportCode code) {
        return byCode.containsKey(code.value());
    }

    public int count() {
        return byCode.size();
    }

    private static Map<String, Airport> load() {
        Map<String, Airport> airports = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                var fields = Csv.split(line);
                // A zone newer than this Java's time-zone data leaves its airport out until Java is updated.
                if (fields.size() == 5 && CountryCode.isValid(fields.get(3))
                        && ZoneId.getAvailableZoneIds().contains(fields.get(4))) {
                    Airport airport = new Airport(new AirportCode(fields.get(0)), fields.get(1), fields.get(2),
                            new CountryCode(fields.get(3)), ZoneId.of(fields.get(4)));
                    airports.put(airport.code().value(), airport);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the airport reference data is missing from the application", e);
        }
        return Map.copyOf(airports);
    }
}
