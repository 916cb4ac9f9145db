package org.waymark.national;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker (KRaft, one node) for the national benchmark, the one the tests start, run as
 * a process of its own: it writes its address to the file named by its argument and runs until it
 * is stopped. This machine has no Kafka installed; spring-kafka-test brings the broker's jars.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 12);
        broker.brokerListProperty("waymark.bench.kafka.brokers");
        broker.afterPropertiesSet();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.destroy();
            stopped.countDown();
        }));
        Files.writeString(Path.of(args[0]), broker.getBrokersAsString());
        stopped.await();
    }
}
