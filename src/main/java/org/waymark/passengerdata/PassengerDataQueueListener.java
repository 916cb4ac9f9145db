package org.waymark.passengerdata;

import lombok.RequiredArgsConstructor;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Conditional;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waymark.passengerdata.PassengerDataQueue.Queued;

/**
 * Every node takes its share of the passenger data queue's partitions, as one consumer group, and
 * applies each message it is given, a partition's records one after another. A message applied
 * already is left as it is, so a record delivered twice is applied once; one that cannot be
 * applied is tried again and then set aside, see {@link PassengerDataKafka}.
 */
@Component
@Conditional(PassengerDataQueue.Configured.class)
@RequiredArgsConstructor
class PassengerDataQueueListener {

    private final PassengerDataQueue queue;
    private final PassengerDataIntake intake;

    @KafkaListener(id = "${waymark.passenger-data.kafka.group}", topics = "${waymark.passenger-data.kafka.topic}")
    void take(ConsumerRecord<String, String> record) {
        Queued queued = queue.read(record.value());
        intake.applyQueued(queued.message(), queued.bookings());
    }
}
