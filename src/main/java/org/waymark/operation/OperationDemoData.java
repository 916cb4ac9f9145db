package org.waymark.operation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;
import org.waymark.shared.DemoTime;

/**
 * Demo only: the Stansted week of action, led by Essex Police with all the demo partners, under
 * way around the day the demo starts (from the day before to two days after, days at the port),
 * so that field work can be tried on it today. It was planned at the briefing at six on its first
 * morning. Its rota has a navigator, a SARC worker and an interpreter on call day and night for
 * the whole week but for one deliberate gap, for the coordinator to find: no SARC worker is on
 * call on the night from tomorrow to the day after ({@link #GAP_FROM} tomorrow to {@link #GAP_TO}
 * the next morning).
 */
@Component
@Profile("demo")
@Order(20)
@RequiredArgsConstructor
class OperationDemoData implements ApplicationRunner {

    static final String NAME = "Week of action: Stansted Airport";
    static final AirportCode PORT = new AirportCode("STN");
    /** The briefing on the first morning, when the operation was planned: the time of the planning stamps. */
    static final LocalTime BRIEFING = LocalTime.of(6, 0);
    static final LocalTime DAY_SHIFT = LocalTime.of(8, 0);
    static final LocalTime NIGHT_SHIFT = LocalTime.of(20, 0);
    static final LocalTime GAP_FROM = NIGHT_SHIFT;
    static final LocalTime GAP_TO = DAY_SHIFT;

    /** Who of which agency covers a kind of support, and on which number. */
    private record Cover(CoverKind kind, String agency, String email, String phone) {
    }

    private static final List<Cover> COVER = List.of(
            new Cover(CoverKind.NAVIGATOR, "Justice & Care", "partner@demo.waymark.test", "07700 900104"),
            new Cover(CoverKind.SARC, "Sexual Assault Referral Centre", "sarc@demo.waymark.test", "07700 900105"),
            new Cover(CoverKind.INTERPRETER, "Port Interpreting Service", null, "01632 960123"));

    private final OperationRepository operations;
    private final Rota rota;
    private final Agencies agencies;
    private final Users users;
    private final KnownAirports airports;
    private final Clock clock;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (operations.findAll().stream().anyMatch(operation -> operation.name().equals(NAME))) {
            return;
        }
        UserSummary coordinator = users.all().stream()
                .filter(user -> user.email().equals("coordinator@demo.waymark.test")).findFirst().orElseThrow();
        ZoneId port = airports.zoneOf(PORT);
        LocalDate today = LocalDate.now(clock.withZone(port));
        LocalDate first = today.minusDays(1);
        LocalDate last = today.plusDays(2);
        Instant briefing = first.atTime(BRIEFING).atZone(port).toInstant();
        var details = new OperationDetails(NAME, PORT, first, last, EnumSet.of(ExploitationType.SEXUAL),
                Set.of(new CountryCode("BG"), new CountryCode("MD"), new CountryCode("TR")),
                agencies.all().stream().map(AgencySummary::id).collect(Collectors.toSet()));
        Operation operation = Operation.plan(details, coordinator.agencyId(), coordinator.id(), briefing);
        operation.changeStatus(OperationStatus.ACTIVE, false);
        operations.save(operation);
        WaymarkUser planner = users.current(coordinator.id()).orElseThrow();
        DemoTime.at(briefing, () -> cover(operation, today, planner));
    }

    /** Day and night shifts from the first midnight to the last, but for the SARC worker on tomorrow night. */
    private void cover(Operation operation, LocalDate today, WaymarkUser planner) {
        List<LocalDateTime> changes = new ArrayList<>();
        changes.add(operation.startDate().atStartOfDay());
        operation.startDate().datesUntil(operation.endDate().plusDays(1)).forEach(day -> {
            changes.add(day.atTime(DAY_SHIFT));
            changes.add(day.atTime(NIGHT_SHIFT));
        });
        changes.add(operation.endDate().plusDays(1).atStartOfDay());
        LocalDateTime gap = today.plusDays(1).atTime(GAP_FROM);
        List<AgencySummary> all = agencies.all();
        for (Cover cover : COVER) {
            AgencySummary agency = all.stream().filter(a -> a.name().equals(cover.agency())).findFirst()
                    .orElseThrow();
            UserSummary person = cover.email() == null ? null : users.all().stream()
                    .filter(user -> user.email().equals(cover.email())).findFirst().orElse(null);
            for (int i = 0; i + 1 < changes.size(); i++) {
                if (cover.kind() == CoverKind.SARC && changes.get(i).equals(gap)) {
                    continue;
                }
                rota.add(operation.id(), new Rota.NewSlot(agency.id(), person == null ? null : person.id(),
                        cover.kind(), changes.get(i), changes.get(i + 1), cover.phone(), null), planner);
            }
        }
    }
}
