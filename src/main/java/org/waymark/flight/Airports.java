package org.waymark.flight;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.waymark.operation.KnownAirports;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;

/**
 * The airports Waymark knows, read once from {@code flight/airports.csv} (OurAirports and Open
 * Travel Data; see docs/data-sources.md), and the time zone of each port.
 */
@Service
public class Airports implements KnownAirports {

    private static final Logger log = LoggerFactory.getLogger(Airports.class);

    static final String RESOURCE = "flight/airports.csv";
    /** The zone of a port that is not in the airport data (one taken out of it since): UTC. */
    static final ZoneId PORT_NOT_KNOWN = ZoneOffset.UTC;

    private final Map<String, Airport> byCode;

    Airports() {
        this.byCode = load();
    }

    public Optional<Airport> find(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The airport of this code as pages name it ({@link Airport#shown}), or the code where none is known. */
    @Override
    public String shown(String code) {
        return find(code).map(Airport::shown).orElse(code);
    }

    /**
     * The time zone of a port: every date and local time at a port (the day a tally or a check
     * counts for, who is on call now, the day's board, times on pages) is told in it, so that one
     * day's records land on one day wherever they are counted. A port not in the airport data is
     * taken to be on UTC.
     */
    @Override
    public ZoneId zoneOf(AirportCode port) {
        Airport airport = byCode.get(port.value());
        return airport == null ? PORT_NOT_KNOWN : airport.timeZone();
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
        Map<String, List<String>> zonesNotKnown = new TreeMap<>();
        List<Integer> unreadable = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            int number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                List<String> fields = ScheduleImport.fields(line);
                if (fields == null || fields.size() != 6 || !AirportCode.isValid(fields.get(0))
                        || !CountryCode.isValid(fields.get(3))) {
                    unreadable.add(number);
                    continue;
                }
                ZoneId zone;
                try {
                    zone = zone(fields.get(4), fields.get(5));
                } catch (DateTimeException e) {
                    unreadable.add(number);
                    continue;
                }
                if (zone instanceof ZoneOffset) {
                    zonesNotKnown.computeIfAbsent(fields.get(4), id -> new ArrayList<>()).add(fields.get(0));
                }
                Airport airport = new Airport(new AirportCode(fields.get(0)), fields.get(1), fields.get(2),
                        new CountryCode(fields.get(3)), zone);
                airports.put(airport.code().value(), airport);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the airport reference data is missing from the application", e);
        }
        if (!zonesNotKnown.isEmpty()) {
            log.warn("This Java's time-zone data ({}) does not know {} (airports by zone); until Java is updated, "
                    + "those airports keep the UTC offset the airport data gives, without summer time",
                    ZoneRulesProvider.getVersions("UTC").lastKey(), zonesNotKnown);
        }
        if (!unreadable.isEmpty()) {
            log.warn("Lines {} of {} could not be read: those airports are left out", unreadable, RESOURCE);
        }
        return Map.copyOf(airports);
    }

    /**
     * The named zone where this Java knows it; else the fixed offset the data gives for it, as
     * for a zone newer than Java's time-zone data.
     */
    static ZoneId zone(String id, String utcOffset) {
        return ZoneId.getAvailableZoneIds().contains(id) ? ZoneId.of(id) : ZoneOffset.of(utcOffset);
    }
}
