package org.waymark.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationEvents.RotaSlotAdded;
import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/**
 * The operation's partner cover: who is on call for a navigator, a SARC worker or an
 * interpreter, when, and how to reach them; and the gaps in it. Coordinators of the lead agency
 * plan it; those who take part in the operation (not analysts) see it.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Rota {

    /** How long a call may go unanswered before it is escalated, unless the operation says otherwise. */
    public static final int DEFAULT_ESCALATION_MINUTES = 10;
    static final int LONGEST_ESCALATION_MINUTES = 240;
    /** A slot longer than this is a mistake in the dates, not a shift. */
    static final Duration LONGEST_SLOT = Duration.ofDays(7);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{5,40}");

    private final RotaSlotRepository slots;
    private final JdbcClient jdbc;
    private final Operations operations;
    private final Agencies agencies;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A slot as asked for: local times at the operation's port. */
    public record NewSlot(AgencyId agencyId, UserId userId, CoverKind kind, LocalDateTime from, LocalDateTime to,
            String phone, String email) {
    }

    public RotaSlotView add(OperationId operationId, NewSlot slot, WaymarkUser user) {
        Operation operation = operations.visible(operationId, user);
        if (!Operations.plans(operation, user)) {
            throw new AccessDeniedException("only coordinators of the lead agency plan the rota");
        }
        if (slot.agencyId() == null || !operation.takesPart(slot.agencyId())) {
            throw new RuleViolationException("rota.agency.notTakingPart", "agencyId");
        }
        if (slot.kind() == null) {
            throw new RuleViolationException("rota.kind.required", "kind");
        }
        if (slot.from() == null) {
            throw new RuleViolationException("rota.from.required", "from");
        }
        if (slot.to() == null || !slot.to().isAfter(slot.from())) {
            throw new RuleViolationException("rota.to.afterFrom", "to");
        }
        if (Duration.between(slot.from(), slot.to()).compareTo(LONGEST_SLOT) > 0) {
            throw new RuleViolationException("rota.tooLong", "to");
        }
        if (slot.userId() != null && users.find(slot.userId()).map(UserSummary::agencyId)
                .filter(slot.agencyId()::equals).isEmpty()) {
            throw new RuleViolationException("rota.user.notOfAgency", "userId");
        }
        String phone = tidy(slot.phone(), PHONE, "rota.phone.invalid", "phone");
        String email = tidy(slot.email(), EMAIL, "rota.email.invalid", "email");
        RotaSlot saved = slots.save(new RotaSlot(UUID.randomUUID(), operationId.value(), slot.agencyId().value(),
                slot.userId() == null ? null : slot.userId().value(), slot.kind(), slot.from(), slot.to(), phone,
                email, clock.instant(), user.id().value(), null));
        events.publishEvent(new RotaSlotAdded(operationId, saved.id(), user.actor()));
        return views(List.of(saved)).get(0);
    }

    /** The rota in time order. */
    @Transactional(readOnly = true)
    public List<RotaSlotView> of(OperationId operationId, WaymarkUser user) {
        readable(operationId, user);
        return views(slots.findByOperationIdOrderByStartsAtAscKind(operationId.value()));
    }

    /** Where nobody is on call between the first day of the operation and the end of its last. */
    @Transactional(readOnly = true)
    public List<CoverGap> gaps(OperationId operationId, WaymarkUser user) {
        Operation operation = readable(operationId, user);
        return CoverGaps.in(operation.startDate().atStartOfDay(), operation.endDate().plusDays(1).atStartOfDay(),
                slots.findByOperationIdOrderByStartsAtAscKind(operationId.value()).stream()
                        .map(slot -> new CoverGaps.Cover(slot.kind(), slot.startsAt(), slot.endsAt())).toList());
    }

    /**
     * Who of the agency is on call for {@code kind} at {@code at} (local time at the port), and
     * after them the next to come on: for notifications, which Waymark sends on its own account.
     */
    @Transactional(readOnly = true)
    public List<RotaSlotView> onCallFrom(OperationId operationId, AgencyId agency, CoverKind kind, LocalDateTime at) {
        List<RotaSlot> ofAgency = slots.findByOperationIdOrderByStartsAtAscKind(operationId.value()).stream()
                .filter(slot -> slot.agencyId().equals(agency.value()) && slot.kind() == kind
                        && slot.endsAt().isAfter(at))
                .toList();
        List<RotaSlot> now = ofAgency.stream().filter(slot -> !slot.startsAt().isAfter(at)).toList();
        List<RotaSlot> next = ofAgency.stream().filter(slot -> slot.startsAt().isAfter(at)).limit(1).toList();
        return views(Stream.concat(now.stream(), next.stream()).toList());
    }

    /** How long a call to a partner of the operation may go unanswered before it is escalated. */
    @Transactional(readOnly = true)
    public Duration escalationLimit(OperationId operationId) {
        return Duration.ofMinutes(jdbc.sql("SELECT escalate_after_minutes FROM rota_setting WHERE operation_id = ?")
                .param(operationId.value()).query(Integer.class).optional().orElse(DEFAULT_ESCALATION_MINUTES));
    }

    /** The lead coordinators set how long a call may go unanswered: 1 to 240 minutes. */
    public Duration setEscalationLimit(OperationId operationId, Integer minutes, WaymarkUser user) {
        if (!Operations.plans(operations.visible(operationId, user), user)) {
            throw new AccessDeniedException("only coordinators of the lead agency plan the rota");
        }
        if (minutes == null || minutes < 1 || minutes > LONGEST_ESCALATION_MINUTES) {
            throw new RuleViolationException("rota.escalation.range", "minutes");
        }
        int updated = jdbc.sql("UPDATE rota_setting SET escalate_after_minutes = ? WHERE operation_id = ?")
                .params(minutes, operationId.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO rota_setting (operation_id, escalate_after_minutes) VALUES (?, ?)")
                    .params(operationId.value(), minutes).update();
        }
        events.publishEvent(new OperationEvents.EscalationLimitSet(operationId, minutes, user.actor()));
        return Duration.ofMinutes(minutes);
    }

    /** Whether the user may plan the rota, for a page to offer the form. */
    @Transactional(readOnly = true)
    public boolean mayPlan(OperationId operationId, WaymarkUser user) {
        return Operations.plans(operations.visible(operationId, user), user);
    }

    /** Those who call partners or answer the calls see the rota; analysts see figures, not who is on call. */
    public static boolean mayRead(WaymarkUser user) {
        return user.hasRole(Role.ADMIN) || user.hasRole(Role.COORDINATOR) || user.hasRole(Role.OFFICER)
                || user.hasRole(Role.PARTNER);
    }

    private Operation readable(OperationId operationId, WaymarkUser user) {
        Operation operation = operations.visible(operationId, user);
        if (!mayRead(user)) {
            throw new AccessDeniedException("analysts see figures, not who is on call");
        }
        return operation;
    }

    private List<RotaSlotView> views(List<RotaSlot> found) {
        Map<AgencyId, AgencySummary> names = agencies.byId(found.stream().map(slot -> new AgencyId(slot.agencyId()))
                .distinct().toList());
        return found.stream().map(slot -> {
            AgencyId agency = new AgencyId(slot.agencyId());
            UserId person = slot.userId() == null ? null : new UserId(slot.userId());
            return new RotaSlotView(slot.id(), agency, names.containsKey(agency) ? names.get(agency).name() : null,
                    person, person == null ? null : users.find(person).map(UserSummary::name).orElse(null),
                    slot.kind(), slot.startsAt(), slot.endsAt(), slot.phone(), slot.email());
        }).toList();
    }

    private static String tidy(String text, Pattern form, String problem, String field) {
        String tidy = PlainText.typed(text);
        PlainText.check(tidy, 254, problem, field);
        if (tidy != null && !form.matcher(tidy).matches()) {
            throw new RuleViolationException(problem, field);
        }
        return tidy;
    }
}
