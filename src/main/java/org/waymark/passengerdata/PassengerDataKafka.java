package org.waymark.passengerdata;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.util.backoff.FixedBackOff;
import org.waymark.passengerdata.Receipt.Failure;
import org.waymark.passengerdata.edifact.MalformedMessageException;

import tools.jackson.core.JacksonException;

/**
 * The passenger data queue's topics and what becomes of a record that cannot be applied: it is
 * tried again a few times, in place, so that its flight's later messages wait behind it; then its
 * message is marked failed with the reason, to wait in the failed queue for a replay, and the
 * record goes to the dead-letter topic. A message that cannot be read is not tried again. The
 * dead-letter records carry the kind of fault but not its text, which could quote a message.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PassengerDataQueue.Configured.class)
class PassengerDataKafka {

    private static final Logger log = LoggerFactory.getLogger(PassengerDataKafka.class);

    @Bean
    NewTopic passengerDataTopic(@Value("${waymark.passenger-data.kafka.topic}") String topic,
            @Value("${waymark.passenger-data.kafka.partitions}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).build();
    }

    @Bean
    NewTopic passengerDataDeadLetterTopic(@Value("${waymark.passenger-data.kafka.dead-letter-topic}") String topic,
            @Value("${waymark.passenger-data.kafka.partitions}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).build();
    }

    /**
     * A record the brokers did not take is logged by its topic alone: its value holds keyed hashes
     * of card numbers, which stay out of logs (the intake logs the message's id).
     */
    @Bean
    LoggingProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }

    @Bean
    CommonErrorHandler passengerDataErrorHandler(KafkaTemplate<String, String> kafka, PassengerDataQueue queue,
            PassengerDataIntake intake,
            @Value("${waymark.passenger-data.kafka.dead-letter-topic}") String deadLetters,
            @Value("${waymark.passenger-data.kafka.retries}") int retries,
            @Value("${waymark.passenger-data.kafka.retry-after}") Duration retryAfter) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(deadLetters, -1));
        toDeadLetters.excludeHeader(HeadersToAdd.EX_MSG, HeadersToAdd.EX_STACKTRACE);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            UUID id = queue.messageOf(record.value() == null ? null : record.value().toString());
            if (id != null) {
                boolean marked = intake.failQueued(id, failure(e, retries));
                log.error("Passenger data message {} could not be applied from the queue ({}): {}", id,
                        cause(e).getClass().getSimpleName(), marked ? "it is in the failed queue"
                                : "it was applied or failed already");
            } else {
                log.error("A record on the passenger data queue is not one of Waymark's: set aside");
            }
            toDeadLetters.accept(record, e);
        }, new FixedBackOff(retryAfter.toMillis(), retries));
        handler.addNotRetryableExceptions(MalformedMessageException.class, JacksonException.class);
        return handler;
    }

    /** Why a message could not be applied, as the failed queue shows it. */
    static Failure failure(Exception e, int retries) {
        Throwable cause = cause(e);
        if (cause instanceof MalformedMessageException malformed) {
            return new Failure(malformed.getMessage(), malformed.segment(),
                    malformed.position() == 0 ? null : malformed.position());
        }
        return new Failure("Waymark could not apply this message from the passenger data queue, "
                + (retries + 1) + " times, because of a fault of its own (" + cause.getClass().getSimpleName()
                + "). It is kept, and can be replayed once the fault is fixed.", null, null);
    }

    /** The fault itself, without the listener's wrapping. */
    private static Throwable cause(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()
                && cause instanceof org.springframework.kafka.KafkaException) {
            cause = cause.getCause();
        }
        return cause;
    }
}
