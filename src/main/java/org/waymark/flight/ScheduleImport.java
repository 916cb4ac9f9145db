package org.waymark.flight;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.waymark.shared.RuleViolationException;

/**
 * Reads a schedule file row by row: header {@code flight_number,airline,direction,airport,scheduled},
 * {@code scheduled} as {@code YYYY-MM-DDTHH:MM} local time. Valid rows go to {@code accept};
 * every other row is kept with its line number and the reason.
 */
public final class ScheduleImport {

    static final int MAX_ROWS = 50_000;
    /** Larger than 50,000 rows of any sensible schedule; beyond it the file is refused unread. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final List<String> HEADER = List.of("flight_number", "airline", "direction", "airport", "scheduled");
    private static final DateTimeFormatter SCHEDULED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    /** A row that made a flight, with the line it came from. */
    record Row(int line, ScheduledFlight flight, Airport airport) {
    }

    private final Airports airports;
    private final MessageSource messages;
    private final LocalDate from;
    private final LocalDate to;

    ScheduleImport(Airports airports, MessageSource messages, LocalDate from, LocalDate to) {
        this.airports = airports;
        this.messages = messages;
        this.from = from;
        this.to = to;
    }

    /** Reads the file; returns the refused rows. Throws when the file as a whole cannot be read. */
    List<ImportResult.Rejection> read(BufferedReader reader, Consumer<Row> accept) {
        List<ImportResult.Rejection> rejected = new ArrayList<>();
        try {
            String header = reader.readLine();
            List<String> names = header == null ? null
                    : fields(header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
            if (names == null || !HEADER.equals(names.stream().map(String::strip).toList())) {
                throw new RuleViolationException("flight.import.header", "file");
            }
            int line = 1;
            int rows = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    throw new RuleViolationException("flight.import.tooManyRows", "file");
                }
                try {
                    accept.accept(row(line, text));
                } catch (RuleViolationException e) {
                    rejected.add(new ImportResult.Rejection(line, text(e.messageCode())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rejected;
    }

    private Row row(int line, String text) {
        List<String> fields = fields(text);
        if (fields == null || fields.size() != HEADER.size()) {
            throw new RuleViolationException("flight.import.columns", null);
        }
        Direction direction = direction(fields.get(2).strip());
        LocalDateTime scheduled;
        try {
            scheduled = LocalDateTime.parse(fields.get(4).strip(), SCHEDULED);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("flight.import.scheduled", "scheduled");
        }
        ScheduledFlight flight = new ScheduledFlight(fields.get(0), fields.get(1), direction, fields.get(3), scheduled,
                null, null);
        return new Row(line, flight, check(flight));
    }

    /**
     * The fields of one line of CSV (RFC 4180), or null where the line is not CSV: a quote left
     * open, or text after a closing quote. A row is read from its own line, so that a broken one,
     * such as a quoted field running on to the next line, is refused alone by its line number and
     * the rows after it are still read.
     */
    static List<String> fields(String line) {
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.RFC4180)) {
            return parser.stream().findFirst().map(CSVRecord::toList).orElse(List.of());
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The other airport, once the flight is known to fit the operation. */
    Airport check(ScheduledFlight flight) {
        Airport airport = airports.find(flight.airport())
                .orElseThrow(() -> new RuleViolationException("flight.airport.unknown", "airport"));
        LocalDate day = flight.scheduled().toLocalDate();
        if (day.isBefore(from) || day.isAfter(to)) {
            throw new RuleViolationException("flight.scheduled.outsideOperation", "scheduled");
        }
        return airport;
    }

    /** The file as text, refusing bytes that are not UTF-8 rather than guessing. */
    static BufferedReader utf8(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new RuleViolationException("flight.import.tooLarge", "file");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new RuleViolationException("flight.import.notUtf8", "file");
        }
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    private static Direction direction(String text) {
        for (Direction direction : Direction.values()) {
            if (direction.name().equalsIgnoreCase(text)) {
                return direction;
            }
        }
        throw new RuleViolationException("flight.direction.invalid", "direction");
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, Locale.UK);
    }
}
