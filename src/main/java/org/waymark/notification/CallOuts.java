package org.waymark.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.Airports;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.operation.CoverKind;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.operation.Rota;
import org.waymark.operation.RotaSlotView;
import org.waymark.platform.PublicAddress;
import org.waymark.safeguarding.CallOutMail;
import org.waymark.safeguarding.SafeguardingEvents.SupportDeclined;
import org.waymark.safeguarding.SafeguardingEvents.SupportRequested;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequestView;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;

/**
 * Calls partners out. A support request emails whoever of the asked agency is on call for that
 * kind of support: the call is queued once the request is saved, in a transaction of its own, and
 * the event publication registry runs it again if it fails or the process stops first (ADR 0023),
 * so a call is never lost and a failure here never undoes the request; one
 * nobody acknowledges within the operation's limit (10 minutes unless set) is escalated, once, to the next on the rota and to the
 * coordinators of the lead agency. A request the partner declines is told to the officer who
 * asked and to those coordinators. The emails say who is needed where, and link to the request:
 * nothing of the person. Without a mail server Waymark does not email, and the requests page
 * alone tells partners; the officer's confirmation says so.
 */
@Service
public class CallOuts implements CallOutMail {

    static final String CALL_OUT = "CALL_OUT";
    static final String ESCALATION = "ESCALATION";
    static final String DECLINED = "DECLINED";
    /** No operation escalates sooner than this. */
    private static final Duration SHORTEST_LIMIT = Duration.ofMinutes(1);
    /** How long after its escalation was due a call is still escalated. */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private final OutboundMailRepository outbox;
    private final Rota rota;
    private final Operations operations;
    private final Agencies agencies;
    private final Users users;
    private final Airports airports;
    private final SupportRequests requests;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final PublicAddress address;

    CallOuts(OutboundMailRepository outbox, Rota rota, Operations operations, Agencies agencies, Users users,
            Airports airports, SupportRequests requests, ObjectProvider<JavaMailSender> mail, Clock clock,
            PublicAddress address) {
        this.outbox = outbox;
        this.rota = rota;
        this.operations = operations;
        this.agencies = agencies;
        this.users = users;
        this.airports = airports;
        this.requests = requests;
        this.mail = mail;
        this.clock = clock;
        this.address = address;
    }

    /** Whether Waymark emails at all: only with a mail server configured. */
    @Override
    public boolean emailing() {
        return mail.getIfAvailable() != null;
    }

    @ApplicationModuleListener
    void supportRequested(SupportRequested requested) {
        if (!emailing()) {
            return;
        }
        OperationView operation = operations.outline(requested.operationId());
        String kind = kindName(requested.kind());
        String subject = "Waymark: " + article(kind) + " " + kind + " is needed at " + operation.port().value();
        String body = agencyName(requested.agencyId()) + " is asked for " + article(kind) + " " + kind + " in “"
                + operation.name() + "” (" + operation.port().value() + ").\n\n"
                + link("Open the request in Waymark to acknowledge it", "/requests#request-" + requested.requestId(),
                        "Sign in to Waymark and open Requests to acknowledge it.")
                + "\n\nThis email holds nothing about the person; "
                + "what your visit needs is in Waymark.";
        LocalDateTime now = localNow(operation);
        List<RotaSlotView> onCall = rota.onCallFrom(requested.operationId(), requested.agencyId(),
                coverKind(requested.kind()), now);
        Set<String> recipients = new LinkedHashSet<>();
        onCall.stream().filter(slot -> !slot.from().isAfter(now)).forEach(slot -> recipients.add(email(slot)));
        queue(CALL_OUT, requested.requestId(), recipients, subject, body);
    }

    /**
     * Tells the officer who asked and the lead agency's coordinators that the partner cannot
     * come, so that they call someone else: the reason is in Waymark, as the partner may have
     * written something of the person in it.
     */
    @ApplicationModuleListener
    void supportDeclined(SupportDeclined declined) {
        if (!emailing()) {
            return;
        }
        OperationView operation = operations.outline(declined.operationId());
        String kind = kindName(declined.kind());
        Set<String> recipients = new LinkedHashSet<>();
        users.find(declined.requestedBy()).filter(UserSummary::active).map(UserSummary::email)
                .ifPresent(recipients::add);
        recipients.addAll(leadCoordinators(declined.operationId()));
        queue(DECLINED, declined.requestId(), recipients, "Waymark: " + agencyName(declined.agencyId())
                + " cannot send " + article(kind) + " " + kind + " at " + operation.port().value(),
                agencyName(declined.agencyId()) + " has declined the request for " + article(kind) + " " + kind
                        + " in “" + operation.name() + "” (" + operation.port().value() + "). Ask another agency, "
                        + "or call the coordinators.\n\n"
                        + link("Why, and who else to call, in Waymark", "/requests",
                                "Why, and who else to call: sign in to Waymark and open Requests.")
                        + "\n\nThis email holds nothing about the person.");
    }

    /**
     * Escalates each request left unacknowledged for longer than the limit: to the next on the
     * rota and the lead agency's coordinators. Each request is escalated once.
     */
    @Transactional
    public int escalate() {
        if (!emailing()) {
            return 0;
        }
        int escalated = 0;
        Instant now = clock.instant();
        for (SupportRequestView request : requests.unacknowledgedSince(now.minus(SHORTEST_LIMIT))) {
            Instant due = request.requestedAt().plus(rota.escalationLimit(request.operationId()));
            // A call left unanswered for long, as when email was only just turned on, is stale: not escalated.
            if (due.isAfter(now) || due.isBefore(now.minus(STALE_AFTER)) || outbox.escalations(request.id()) > 0) {
                continue;
            }
            outbox.markEscalated(request.id(), now);
            OperationView operation = operations.outline(request.operationId());
            String kind = kindName(request.kind());
            Set<String> recipients = new LinkedHashSet<>();
            LocalDateTime localNow = localNow(operation);
            rota.onCallFrom(request.operationId(), request.agencyId(), coverKind(request.kind()), localNow).stream()
                    .filter(slot -> slot.from().isAfter(localNow)).forEach(slot -> recipients.add(email(slot)));
            recipients.addAll(leadCoordinators(request.operationId()));
            long minutes = Duration.between(request.requestedAt(), now).toMinutes();
            queue(ESCALATION, request.id(), recipients, "Waymark: no answer to a call for " + article(kind) + " "
                    + kind + " at " + operation.port().value(),
                    "A request to " + agencyName(request.agencyId()) + " for " + article(kind) + " " + kind + " in “"
                            + operation.name() + "” (" + operation.port().value() + ") has waited " + minutes
                            + " minutes without an answer.\n\n"
                            + link("Open it in Waymark", "/operations/" + request.operationId().value() + "/checks",
                                    "Sign in to Waymark and open the operation’s checks.")
                            + "\n\nThis email holds nothing about the person.");
            escalated++;
        }
        return escalated;
    }

    /**
     * What leads to the page: its link at Waymark's address (ADR 0033), known when set or when a
     * request caused the email; without one, as in an escalation where no address is set, where to
     * go in words rather than a guessed address.
     */
    private String link(String lead, String path, String withoutAddress) {
        return address.current().map(base -> lead + ":\n" + base + path).orElse(withoutAddress);
    }

    /** The email addresses of the active coordinators of the agency leading the operation. */
    private List<String> leadCoordinators(OperationId operation) {
        AgencyId lead = operations.leadAgencyOf(operation);
        return users.all().stream().filter(user -> user.active() && user.agencyId().equals(lead)
                && user.roles().contains(Role.COORDINATOR)).map(UserSummary::email).toList();
    }

    private void queue(String purpose, UUID requestId, Set<String> recipients, String subject, String body) {
        Instant now = clock.instant();
        recipients.stream().filter(recipient -> recipient != null && !recipient.isBlank())
                .forEach(recipient -> outbox.save(OutboundMail.queue(purpose, requestId, recipient, subject, body,
                        now)));
    }

    /** The slot's own email, or else that of the person on call. */
    private String email(RotaSlotView slot) {
        if (slot.email() != null) {
            return slot.email();
        }
        return slot.userId() == null ? null : users.find(slot.userId()).map(UserSummary::email).orElse(null);
    }

    private LocalDateTime localNow(OperationView operation) {
        return LocalDateTime.ofInstant(clock.instant(), airports.zoneOf(operation.port()));
    }

    private String agencyName(AgencyId agency) {
        return agencies.find(agency).map(AgencySummary::name).orElse("A partner agency");
    }

    private static CoverKind coverKind(SupportKind kind) {
        return CoverKind.valueOf(kind.name());
    }

    private static String kindName(SupportKind kind) {
        return switch (kind) {
            case NAVIGATOR -> "navigator";
            case SARC -> "SARC worker";
            case INTERPRETER -> "interpreter";
        };
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }
}
