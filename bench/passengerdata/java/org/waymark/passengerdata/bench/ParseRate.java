package org.waymark.passengerdata.bench;

import java.util.List;

import org.waymark.passengerdata.edifact.EdifactReader;
import org.waymark.passengerdata.edifact.ParsedInterchange;
import org.waymark.passengerdata.generator.MessageGenerator;
import org.waymark.passengerdata.generator.MessageGenerator.Generated;

/**
 * How fast one thread reads PNRGOV: generates the pushes of {@code flights} flights of
 * {@code passengers} passengers in memory, warms up, then reads them all several times and prints
 * megabytes per second of the thread's CPU time (the machine may be shared) and elapsed. Arguments: [flights=200] [passengers=150] [rounds=5].
 */
public final class ParseRate {

    private ParseRate() {
    }

    public static void main(String[] args) {
        int flights = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int passengers = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<byte[]> bodies = new MessageGenerator(1).pushes(flights, passengers).stream().map(Generated::body)
                .toList();
        long bytes = bodies.stream().mapToLong(b -> b.length).sum();
        EdifactReader reader = new EdifactReader();
        long sink = 0;
        for (int i = 0; i < 2; i++) {
            sink += readAll(reader, bodies);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            sink += readAll(reader, bodies);
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = bytes / 1e6 / cpu;
            best = Math.max(best, rate);
            System.out.printf("round %d: %d interchanges, %.1f MB in %.3f s CPU (%.3f s elapsed) = %.1f MB/s per CPU"
                    + " second, %.1f MB/s elapsed%n", round + 1, bodies.size(), bytes / 1e6, cpu, seconds, rate,
                    bytes / 1e6 / seconds);
        }
        System.out.printf("best %.1f MB/s per CPU second on one thread (%d travellers read per round)%n", best, sink / (rounds + 2));
    }

    private static long readAll(EdifactReader reader, List<byte[]> bodies) {
        long travellers = 0;
        for (byte[] body : bodies) {
            ParsedInterchange p = reader.read(body);
            travellers += p.passengers();
        }
        return travellers;
    }
}
