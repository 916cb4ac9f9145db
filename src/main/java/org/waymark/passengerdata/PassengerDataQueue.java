package org.waymark.passengerdata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.waymark.passengerdata.edifact.Booking;
import org.waymark.passengerdata.edifact.Manifest;
import org.waymark.passengerdata.edifact.ParsedInterchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The passenger data queue, where {@code WAYMARK_KAFKA_BOOTSTRAP_SERVERS} names Kafka brokers: a
 * message read and stored is put on the topic keyed by its flight (carrier, number, day of
 * departure), so that all of a flight's messages go to one partition and one consumer of the one
 * group applies them in the order they came. A record holds the stored message's id and the keyed
 * hashes of its card and frequent flyer numbers, never the message itself: what a message says
 * stays in the database, where retention masks and deletes it on time (ADR 0049).
 */
@Component
@Conditional(PassengerDataQueue.Configured.class)
class PassengerDataQueue {

    private static final Logger log = LoggerFactory.getLogger(PassengerDataQueue.class);

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final KeyedHash hash;
    private final String topic;
    private final Duration sendTimeout;

    PassengerDataQueue(KafkaTemplate<String, String> kafka, JsonMapper json, KeyedHash hash,
            @Value("${waymark.passenger-data.kafka.topic}") String topic,
            @Value("${waymark.passenger-data.kafka.send-timeout:10s}") Duration sendTimeout) {
        this.kafka = kafka;
        this.json = json;
        this.hash = hash;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
    }

    /** What a record on the queue says: the stored message, and its numbers' keyed hashes booking by booking. */
    record Queued(UUID message, List<BookingHashes> bookings) {
    }

    /** The keyed hashes of one booking's card number (or null) and frequent flyer numbers, in the message's order. */
    record BookingHashes(String card, List<String> frequentFlyers) {
    }

    /**
     * Puts a stored message on the queue and waits until the brokers have it; whether they took it
     * (when not, the message is stored and not applied, and a replay applies it).
     */
    boolean publish(UUID id, ParsedInterchange parsed) {
        try {
            kafka.send(topic, keyOf(parsed, id), json.writeValueAsString(new Queued(id, hashes(parsed))))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("Passenger data message {} was stored but not queued: interrupted", id);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.error("Passenger data message {} was stored but not queued: {}", id, e.toString());
        }
        return false;
    }

    /** A record's value read back; a JacksonException when it is not one of ours. */
    Queued read(String value) {
        return json.readValue(value, Queued.class);
    }

    /** The record's id, when it is one of ours; null otherwise. */
    UUID messageOf(String value) {
        try {
            return value == null ? null : read(value).message();
        } catch (JacksonException notOurs) {
            return null;
        }
    }

    /**
     * The partition key: the first flight the message speaks of, as carrier, number and day of
     * departure (a PNR push and a passenger list each speak of one). The message id for one that
     * names none, which is never stored as read.
     */
    static String keyOf(ParsedInterchange parsed, UUID id) {
        return parsed.manifests().stream().findFirst().flatMap(manifest -> FlightRecords.keyOf(manifest.flight()))
                .map(key -> key.carrier() + " " + key.number() + " " + key.departureDate())
                .orElse(id.toString());
    }

    private List<BookingHashes> hashes(ParsedInterchange parsed) {
        List<BookingHashes> hashes = new ArrayList<>();
        for (Manifest manifest : parsed.manifests()) {
            for (Booking booking : manifest.bookings()) {
                hashes.add(new BookingHashes(hash.of(booking.cardNumber()),
                        booking.frequentFlyerNumbers().stream().map(hash::of).toList()));
            }
        }
        return hashes;
    }

    /**
     * The message as read again from its stored copy (numbers blanked), with each booking's card
     * and frequent flyer numbers replaced by the hashes taken when it came in. Should the bookings
     * not match them one for one, no booking keeps a number, which is the lesser loss.
     */
    static ParsedInterchange withHashes(ParsedInterchange parsed, List<BookingHashes> hashes) {
        List<BookingHashes> given = hashes == null ? List.of() : hashes;
        int bookings = parsed.manifests().stream().mapToInt(m -> m.bookings().size()).sum();
        boolean match = given.size() == bookings;
        Iterator<BookingHashes> next = given.iterator();
        List<Manifest> manifests = new ArrayList<>();
        for (Manifest m : parsed.manifests()) {
            List<Booking> hashed = new ArrayList<>();
            for (Booking b : m.bookings()) {
                BookingHashes h = match ? next.next() : new BookingHashes(null, List.of());
                List<String> flyers = h.frequentFlyers() == null ? List.of()
                        : h.frequentFlyers().stream().filter(StringUtils::hasText).toList();
                hashed.add(new Booking(b.locator(), b.bookedOn(), b.itinerary(), b.paymentType(), h.card(),
                        b.payerName(), b.travelAgency(), b.contacts(), b.travellers(), flyers));
            }
            manifests.add(new Manifest(m.flight(), m.legs(), m.codeshares(), m.reference(), m.crewList(),
                    m.travellers(), hashed, m.firstPart()));
        }
        return new ParsedInterchange(parsed.type(), parsed.version(), parsed.sender(), parsed.reference(),
                parsed.preparedAt(), manifests, parsed.warnings());
    }

    /** The queue is there only when {@code spring.kafka.bootstrap-servers} (WAYMARK_KAFKA_BOOTSTRAP_SERVERS) names brokers. */
    static class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"));
        }
    }
}
