package org.waymark.screening.run;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.waymark.passengerdata.PassengerDataApplied;
import org.waymark.passengerdata.PassengersForScreening.OperationFlight;
import org.waymark.screening.links.BookingLinks;
import org.waymark.screening.links.LinkGroup;
import org.waymark.screening.links.LinkSettings;
import org.waymark.screening.passenger.ScreenedFlight;
import org.waymark.screening.passenger.ScreenedFlights;
import org.waymark.screening.passenger.ScreenedPassenger;
import org.waymark.screening.review.HitKind;
import org.waymark.screening.review.Hits;
import org.waymark.screening.review.NewHit;
import org.waymark.screening.rules.RuleBook;
import org.waymark.screening.rules.RuleHit;
import org.waymark.screening.rules.store.RuleEvents;
import org.waymark.screening.watchlist.WatchList;
import org.waymark.screening.watchlist.WatchListKind;
import org.waymark.screening.watchlist.WatchListEvents;
import org.waymark.screening.watchlist.WatchListMatch;
import org.waymark.screening.watchlist.WatchLists;

/**
 * Screens a flight each time a message changes who is on it, for every operation that monitors
 * it: the enabled rules, the watch lists, and the links between its bookings and those of the
 * operation's other flights of the days around it. What it finds waits in each operation's
 * review queue for a person; a hit found again is the same hit. A rule enabled or a watch list
 * changed screens again the flights still to come whose lists came before, so that nobody passes
 * because their data was early. It reads passengers as software and shows them to nobody: the
 * queue logs who opens what.
 */
@Component
@RequiredArgsConstructor
class ScreeningRun {

    /** Links are looked for among the operation's flights leaving this many days either side. */
    static final int LINK_DAYS = 1;
    /** Passenger data comes at most this many days before a flight leaves. */
    static final int DAYS_AHEAD = 7;

    private final ScreenedFlights flights;
    private final RuleBook rules;
    private final WatchLists watchLists;
    private final BookingLinks links;
    private final LinkSettings linkSettings;
    private final Hits hits;
    private final MessageSource messages;
    private final Clock clock;
    private final AtomicBoolean screeningAgain = new AtomicBoolean();
    private final AtomicBoolean askedAgain = new AtomicBoolean();

    @ApplicationModuleListener
    void on(PassengerDataApplied applied) {
        RuleBook.Run run = rules.run();
        for (UUID id : applied.flights()) {
            flights.flight(id).ifPresent(flight -> screen(flight, run));
        }
    }

    @ApplicationModuleListener
    void on(RuleEvents.RuleEnabled enabled) {
        screenFlightsStillToCome();
    }

    @ApplicationModuleListener
    void on(WatchListEvents.EntriesChanged changed) {
        screenFlightsStillToCome();
    }

    /**
     * Screens again the flights kept that leave from a little while ago on; a hit found again is the
     * same hit. Changes in quick succession (entries added one after another) make one more run
     * after the one under way, not one each: a run asked for while one is under way is made by it.
     */
    void screenFlightsStillToCome() {
        if (!screeningAgain.compareAndSet(false, true)) {
            askedAgain.set(true);
            return;
        }
        try {
            do {
                askedAgain.set(false);
                screenFlightsStillToComeOnce();
            } while (askedAgain.get());
        } finally {
            screeningAgain.set(false);
        }
        if (askedAgain.get()) {
            // asked between the last check and letting go: run for it rather than lose it
            screenFlightsStillToCome();
        }
    }

    private void screenFlightsStillToComeOnce() {
        Instant since = clock.instant().minus(ScreenedFlights.STILL_TO_COME);
        LocalDate from = since.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
        RuleBook.Run run = rules.run();
        for (UUID id : flights.leaving(from, from.plusDays(DAYS_AHEAD + 2))) {
            flights.flight(id).filter(flight -> !flight.departureUtc().isBefore(since))
                    .ifPresent(flight -> screen(flight, run));
        }
    }

    void screen(ScreenedFlight flight, RuleBook.Run run) {
        // Only the flights operations monitor, and never once masked: nobody could be told apart then.
        if (flight.masked() || flight.operationFlights().isEmpty()) {
            return;
        }
        for (ScreenedPassenger passenger : flight.passengers()) {
            if (passenger.personKey() == null) {
                continue;
            }
            List<RuleHit> byRules = run.screen(passenger);
            List<WatchListMatch> byLists = watchLists.matches(passenger.familyName(), passenger.givenNames(),
                    passenger.birthDate());
            for (OperationFlight monitored : flight.operationFlights()) {
                for (RuleHit hit : byRules) {
                    hits.record(hit(monitored, flight, passenger, HitKind.RULE, hit.versionId(), hit.ruleId(),
                            hit.title(), hit.priority(), null, hit.reasons()));
                }
                for (WatchListMatch match : byLists) {
                    WatchList list = watchLists.list(match.watchListId());
                    hits.record(hit(monitored, flight, passenger, HitKind.WATCH_LIST, match.entryId(),
                            match.watchListId(), list.name(), priority(match.kind()), match.score().score(),
                            List.of(match.score().explanation(messages, Locale.UK))));
                }
            }
        }
        for (OperationFlight monitored : flight.operationFlights()) {
            linked(flight, monitored);
        }
    }

    /**
     * Records a hit for each passenger of this flight in a group of the operation's linked bookings
     * large enough to flag, with the links of their booking as the reasons.
     */
    private void linked(ScreenedFlight flight, OperationFlight monitored) {
        List<ScreenedFlight> around = new ArrayList<>();
        for (UUID id : flights.ofOperation(monitored.operation(), flight.departureDate().minusDays(LINK_DAYS),
                flight.departureDate().plusDays(LINK_DAYS))) {
            Optional<ScreenedFlight> other = id.equals(flight.id()) ? Optional.of(flight) : flights.flight(id);
            other.filter(found -> !found.masked()).ifPresent(around::add);
        }
        if (around.stream().noneMatch(found -> found.id().equals(flight.id()))) {
            around.add(flight);
        }
        for (LinkGroup group : links.groups(around, linkSettings.flagSize(monitored.operation()))) {
            if (!group.flagged()) {
                continue;
            }
            String title = messages.getMessage("screening.run.linkTitle",
                    new Object[] { group.people(), group.bookings().size() }, Locale.UK);
            for (LinkGroup.Member member : group.members()) {
                if (!member.flightId().equals(flight.id()) || member.personKey() == null) {
                    continue;
                }
                ScreenedPassenger passenger = flight.passengers().stream()
                        .filter(found -> found.travellerId().equals(member.travellerId())).findFirst().orElse(null);
                if (passenger == null) {
                    continue;
                }
                List<String> reasons = group.links().stream()
                        .filter(link -> link.a().equals(member.locator()) || link.b().equals(member.locator()))
                        .map(link -> messages.getMessage("screening.links.link." + link.kind().name(),
                                new Object[] { link.value() == null ? "" : link.value(),
                                        link.a().equals(member.locator()) ? link.b() : link.a() }, Locale.UK))
                        .toList();
                hits.record(hit(monitored, flight, passenger, HitKind.LINK, group.id(), null, title, LINK_PRIORITY,
                        null, reasons));
            }
        }
    }

    /** Links come after what rules and lists find, whose priorities run from 1. */
    static final int LINK_PRIORITY = 5;

    /** Missing children first, then missing adults, then people at risk who asked for help, then persons of interest. */
    static int priority(WatchListKind kind) {
        return switch (kind) {
            case MISSING_CHILD -> 1;
            case MISSING_PERSON -> 2;
            case RE_TRAFFICKING_RISK -> 2;
            case PERSON_OF_INTEREST -> 3;
        };
    }

    private static NewHit hit(OperationFlight monitored, ScreenedFlight flight, ScreenedPassenger passenger,
            HitKind kind, UUID sourceId, UUID sourceOwnerId, String title, int priority, Double score,
            List<String> reasons) {
        return new NewHit(monitored.operation(), monitored.flight(), flight.id(), passenger.travellerId(),
                passenger.personKey(), passenger.name(), passenger.seat(), flight.departureUtc(), kind, sourceId,
                sourceOwnerId, title, priority, score, reasons);
    }
}
