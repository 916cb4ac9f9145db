package org.waymark.passengerdata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.passengerdata.MessageRecords.NewMessage;
import org.waymark.passengerdata.Receipt.Failure;
import org.waymark.passengerdata.edifact.EdifactReader;
import org.waymark.passengerdata.edifact.MalformedMessageException;
import org.waymark.passengerdata.edifact.Manifest;
import org.waymark.passengerdata.edifact.ParseWarning;
import org.waymark.passengerdata.edifact.ParsedInterchange;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.UnprocessableException;
import org.waymark.shared.UserId;

/**
 * Takes in passenger data messages so that none is ever lost: each is stored before it is
 * applied (in a transaction of its own), the same message sent again is acknowledged and
 * dropped by the hash of its bytes, and one that cannot be read waits in the failed queue with
 * the reason until a replay reads it again. Card and frequent flyer numbers are blanked in the
 * stored message and kept only as keyed hashes. Where Kafka is configured, a message read is
 * queued after it is stored, and a node applies it from the queue (ADR 0049).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PassengerDataIntake {

    private static final Logger log = LoggerFactory.getLogger(PassengerDataIntake.class);

    /** The largest message taken in. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** The most messages one list gives. */
    public static final int MAX_LIST = 500;

    private final EdifactReader reader = new EdifactReader();
    private final MessageRecords messages;
    private final FlightRecords flights;
    private final FlightLinks links;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Present where Kafka is configured: messages read are queued there and applied by a consumer. */
    private final Optional<PassengerDataQueue> queue;

    /** A message sent through the API by a carrier gateway. */
    public Receipt receive(byte[] body, WaymarkUser gateway) {
        if (!gateway.hasRole(Role.CARRIER_GATEWAY)) {
            throw new AccessDeniedException("passenger data is sent by carrier gateways");
        }
        return receive(body, "API: " + gateway.name(), gateway.id());
    }

    /** A message from anywhere else Waymark takes them (the watched folder), named by where it came from. */
    public Receipt receive(byte[] body, String from) {
        return receive(body, from, null);
    }

    private Receipt receive(byte[] body, String from, UserId sender) {
        if (body == null || body.length == 0) {
            throw new UnprocessableException("passengerData.empty", "body");
        }
        if (body.length > MAX_BYTES) {
            throw new UnprocessableException("passengerData.tooLarge", "body");
        }
        String hash = sha256(body);
        Optional<UUID> earlier = messages.byHash(hash);
        if (earlier.isPresent()) {
            return again(earlier.get(), body);
        }
        Reading reading = read(body);
        boolean queued = reading.parsed() != null && queue.isPresent();
        UUID id;
        try {
            id = transaction.execute(status -> {
                UUID stored = messages.store(new NewMessage(hash, reading.stored(), body.length,
                        MessageRecords.cut(from.replaceAll("\\p{Cntrl}", "?"), 300), sender, clock.instant(),
                        reading.parsed(), reading.failure()));
                if (queued) {
                    messages.status(stored, MessageStatus.QUEUED);
                }
                return stored;
            });
        } catch (DuplicateKeyException sentTwiceAtOnce) {
            return again(messages.byHash(hash).orElseThrow(), body);
        }
        if (queued) {
            if (!queue.get().publish(id, reading.parsed())) {
                // Not on the queue: stored but not applied, as after a fault of the database, and a replay applies it
                transaction.executeWithoutResult(status -> messages.unqueue(id));
            }
        } else if (reading.parsed() != null) {
            apply(id, reading.parsed());
        }
        return messages.receipt(id).orElseThrow();
    }

    /**
     * A message sent again is answered as the copy kept. A sender sends again what got no answer,
     * as when the node that stored it stopped before applying or queueing it: one kept and read
     * but not applied yet is applied now, or put on the queue again where Kafka is configured
     * (from the bytes sent, so its card hashes go with it). It is applied once all the same: a
     * copy still on its way is left as it is when it arrives.
     */
    private Receipt again(UUID id, byte[] body) {
        Receipt kept = messages.receipt(id).orElseThrow();
        if (kept.status() == MessageStatus.RECEIVED || kept.status() == MessageStatus.QUEUED) {
            Reading reading = read(body);
            if (reading.parsed() != null && queue.isEmpty()) {
                apply(id, reading.parsed());
            } else if (reading.parsed() != null
                    && Boolean.TRUE.equals(transaction.execute(status -> messages.requeue(id)))
                    && !queue.get().publish(id, reading.parsed())) {
                transaction.executeWithoutResult(status -> messages.unqueue(id));
            }
            kept = messages.receipt(id).orElseThrow();
        }
        return kept.asDuplicate();
    }

    /**
     * Applies a message taken from the passenger data queue, with the keyed hashes of its card and
     * frequent flyer numbers as taken in (the stored message has them blanked). One applied
     * already, failed meanwhile, or masked is left as it is, so a redelivery never applies twice.
     * Throws when the message cannot be read or applied, for the queue to try again and then set it
     * aside.
     */
    void applyQueued(UUID id, List<PassengerDataQueue.BookingHashes> hashes) {
        Optional<MessageStatus> status = messages.statusOf(id);
        if (status.isEmpty() || (status.get() != MessageStatus.QUEUED && status.get() != MessageStatus.RECEIVED)) {
            log.info("Passenger data message {} from the queue was {} already: left as it is", id,
                    status.map(Enum::name).orElse("deleted"));
            return;
        }
        Optional<NewMessage> stored = messages.forReplay(id);
        if (stored.isEmpty()) {
            log.warn("Passenger data message {} from the queue was masked before it was applied: left as it is", id);
            return;
        }
        ParsedInterchange parsed = reader.read(stored.get().raw());
        if (parsed.manifests().isEmpty()
                || parsed.manifests().stream().anyMatch(m -> FlightRecords.keyOf(m.flight()).isEmpty())) {
            throw new MalformedMessageException("A flight has no date, carrier, number, origin or destination.", null,
                    0);
        }
        applyOrThrow(id, PassengerDataQueue.withHashes(parsed, hashes), value -> value);
    }

    /**
     * Marks a message from the queue that could not be applied as failed, with the reason, so that
     * it waits in the failed queue for a replay; whether it did.
     */
    boolean failQueued(UUID id, Failure failure) {
        return Boolean.TRUE.equals(transaction.execute(status -> messages.fail(id, failure)));
    }

    /**
     * Reads a message that failed (or was never read) again, as after a fix to Waymark's reading,
     * and applies it if it now reads. A message applied already is left as it is.
     */
    public Receipt replay(UUID id, WaymarkUser user) {
        mayManage(user);
        Receipt before = messages.receipt(id).orElseThrow(() -> new NotFoundException("passengerDataMessage", id));
        if (before.status() != MessageStatus.FAILED && before.status() != MessageStatus.RECEIVED) {
            throw new UnprocessableException("passengerData.replay.notFailed", "id");
        }
        NewMessage stored = messages.forReplay(id)
                .orElseThrow(() -> new UnprocessableException("passengerData.replay.masked", "id"));
        Reading reading = read(stored.raw());
        boolean reread = transaction.execute(status -> messages.reread(id, reading.stored(), reading.parsed(),
                reading.failure()));
        if (reread && reading.parsed() != null) {
            apply(id, reading.parsed());
        }
        return messages.receipt(id).orElseThrow();
    }

    /** A message as its sender, or someone who manages passenger data, may see it: never a traveller's details. */
    public Receipt get(UUID id, WaymarkUser user) {
        Receipt receipt = messages.receipt(id).orElseThrow(() -> new NotFoundException("passengerDataMessage", id));
        if (!manages(user) && !messages.senderOf(id).filter(sender -> sender.equals(user.id())).isPresent()) {
            throw new NotFoundException("passengerDataMessage", id);
        }
        return receipt;
    }

    /** Messages newest first: all of them for those who manage passenger data, a gateway's own for a gateway. */
    public List<Receipt> list(MessageStatus status, WaymarkUser user) {
        if (manages(user)) {
            return messages.list(status, null, MAX_LIST);
        }
        if (user.hasRole(Role.CARRIER_GATEWAY)) {
            return messages.list(status, user.id(), MAX_LIST);
        }
        throw new AccessDeniedException("passenger data messages are seen by gateways and those who manage them");
    }

    /** Whether the user looks after the intake: sees every message and replays failed ones. */
    private static boolean manages(WaymarkUser user) {
        return user.hasRole(Role.PASSENGER_DATA) || user.hasRole(Role.ADMIN);
    }

    private static void mayManage(WaymarkUser user) {
        if (!manages(user)) {
            throw new AccessDeniedException("failed messages are replayed by those who manage passenger data");
        }
    }

    private void apply(UUID id, ParsedInterchange parsed) {
        try {
            applyOrThrow(id, parsed, null);
        } catch (RuntimeException e) {
            // Stored already: it stays RECEIVED and a replay applies it.
            log.error("Passenger data message {} was stored but not applied", id, e);
        }
    }

    /**
     * Applies a stored message to its flights, once: a message applied already (by a replay or a
     * redelivery at the same moment) is left as it is. Card and frequent flyer numbers are hashed
     * with the key unless secretHash is given.
     */
    private void applyOrThrow(UUID id, ParsedInterchange parsed, UnaryOperator<String> secretHash) {
        Map<Manifest, UUID> byManifest = new LinkedHashMap<>();
        for (Manifest manifest : parsed.manifests()) {
            byManifest.put(manifest, flights.ensure(manifest));
        }
        boolean claimed = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!messages.claim(id)) {
                return false; // applied already, by a replay or a redelivery at the same moment
            }
            List<ParseWarning> warnings = new ArrayList<>();
            boolean applied = secretHash == null ? flights.apply(id, parsed, byManifest, warnings)
                    : flights.apply(id, parsed, byManifest, warnings, secretHash);
            messages.flights(id, byManifest.values().stream().distinct().toList());
            messages.warn(id, warnings);
            messages.status(id, applied ? MessageStatus.APPLIED : MessageStatus.PARSED);
            return true;
        }));
        if (!claimed) {
            return;
        }
        // After the message is applied and apart from it: a link that fails loses nothing, and
        // the next message for the flight links it.
        links.link(byManifest.values());
        // Kept with the event registry, so that screening hears of it even if this node stops now.
        List<UUID> applied = byManifest.values().stream().distinct().toList();
        transaction.executeWithoutResult(status -> events.publishEvent(new PassengerDataApplied(applied)));
    }

    /** What a reading found, and the bytes to store: as received, but for card and frequent flyer numbers. */
    private record Reading(ParsedInterchange parsed, Failure failure, byte[] stored) {
    }

    private Reading read(byte[] body) {
        try {
            ParsedInterchange parsed = reader.read(body);
            if (parsed.manifests().stream().anyMatch(m -> FlightRecords.keyOf(m.flight()).isEmpty())) {
                return new Reading(null, new Failure("A flight has no date, carrier, number, origin or destination.", null, null),
                        blankCardLike(body));
            }
            return new Reading(parsed, null, blank(body, parsed));
        } catch (MalformedMessageException e) {
            return new Reading(null, new Failure(e.getMessage(), e.segment(), e.position() == 0 ? null : e.position()),
                    blankCardLike(body));
        } catch (RuntimeException e) {
            // A fault of the reader, not of the message: kept all the same, to be replayed after a fix
            log.error("Passenger data message could not be read", e);
            return new Reading(null, new Failure("Waymark could not read this message because of a fault of its own."
                    + " It is kept, and can be replayed once the fault is fixed.", null, null), blankCardLike(body));
        }
    }

    /** The message with every card and frequent flyer number it holds replaced by X's, byte for byte. */
    static byte[] blank(byte[] body, ParsedInterchange parsed) {
        // ISO-8859-1 maps each byte to one char and back, so the bytes of every other character survive
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String blanked = text;
        for (var manifest : parsed.manifests()) {
            for (var booking : manifest.bookings()) {
                for (String secret : booking.secrets()) {
                    for (String part : secret.split(":")) {
                        if (part.strip().length() >= 6) {
                            blanked = blanked.replace(part.strip(), "X".repeat(part.strip().length()));
                        }
                    }
                }
            }
        }
        return blanked == text ? body : blanked.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final Pattern DIGITS = Pattern.compile("(?<![0-9])[0-9]{13,19}(?![0-9])");

    /**
     * A message that could not be read says nowhere which of its numbers are cards: every run of
     * 13 to 19 digits that passes the card check digit (Luhn) is taken for one and replaced by X's.
     * A replay then reads the booking without its card's hash, which is the lesser loss.
     */
    static byte[] blankCardLike(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Matcher digits = DIGITS.matcher(text);
        StringBuilder blanked = new StringBuilder();
        boolean found = false;
        while (digits.find()) {
            boolean card = luhn(digits.group());
            found |= card;
            digits.appendReplacement(blanked, card ? "X".repeat(digits.group().length()) : digits.group());
        }
        digits.appendTail(blanked);
        return found ? blanked.toString().getBytes(StandardCharsets.ISO_8859_1) : body;
    }

    /** The check digit of payment cards (ISO/IEC 7812): a few lines, not worth a library. */
    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        }
        return sum % 10 == 0;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
