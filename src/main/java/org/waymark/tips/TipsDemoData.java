package org.waymark.tips;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.operation.KnownAirports;
import org.waymark.operation.Operations;
import org.waymark.shared.DemoTime;

/**
 * Demo only: two reports from the public waiting in triage, new and taken on by nobody, so that
 * officers and coordinators of any force have something to triage: one sent on the evening of
 * the operation's first day, one a little before the demo started. Each is received through
 * {@link Tips} at its time in the story ({@link DemoTime}), from an address of the range kept
 * for documentation. Nothing is written if there are reports already.
 */
@Component
@Profile("demo")
@Order(80)
@RequiredArgsConstructor
class TipsDemoData implements ApplicationRunner {

    private final Tips tips;
    private final PublicReportRepository reports;
    private final Operations operations;
    private final KnownAirports airports;
    private final Clock clock;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (reports.count() > 0) {
            return;
        }
        operations.demoOperation().ifPresent(operation -> {
            ZoneId port = airports.zoneOf(operation.port());
            Instant firstEvening = operation.startDate().atTime(LocalTime.of(21, 40)).atZone(port).toInstant();
            DemoTime.at(firstEvening, () -> tips.receive(new NewReport(
                    "A man met three young women off the evening flight from Sofia and took their passports "
                            + "from them before they reached passport control. They did not seem to know him.",
                    "London Stansted, arrivals, by the gate", "This evening, about 8 o'clock",
                    "A man in his forties in a grey jacket; the women looked about twenty and spoke Bulgarian",
                    null), "192.0.2.10"));
            Instant lately = clock.instant().minus(Duration.ofMinutes(50));
            DemoTime.at(lately, () -> tips.receive(new NewReport(
                    "A minibus waits at the coach station for women off the flights from Chisinau and drives "
                            + "them to a house. The driver keeps their phones.",
                    "London Stansted coach station", "Every week, most recently last night",
                    "The driver, a man with a shaved head; the women speak Romanian",
                    "Text me on 07700 900999 after six"), "192.0.2.20"));
        });
    }
}
