package org.waymark.tips;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;
import org.waymark.tips.TipsEvents.QueueRead;
import org.waymark.tips.TipsEvents.ReportRead;
import org.waymark.tips.TipsEvents.ReportTriaged;

/**
 * The triage of reports from the public, by officers and coordinators of first-responder
 * agencies. Each force sees its own: a report linked to an operation belongs to the agencies
 * taking part in it, one assigned but not linked to the assignee's agency, and only a new report
 * that nobody has taken on is open to every force, so that someone can. A reporter's contact
 * details are shown only to the officer the report is assigned to and to coordinators. Every
 * read is logged, the queue's too.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Triage {

    static final int GIST = 140;

    private final PublicReportRepository reports;
    private final Users users;
    private final Agencies agencies;
    private final Operations operations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Whether the user triages reports: officers and coordinators of first responders. */
    public boolean triages(WaymarkUser user) {
        return (user.hasRole(Role.OFFICER) || user.hasRole(Role.COORDINATOR))
                && agencies.find(user.agencyId()).map(AgencySummary::firstResponder).orElse(false);
    }

    /** The queue, newest first, of one status or all. */
    public List<ReportSummary> queue(ReportStatus status, WaymarkUser user) {
        requireTriage(user);
        Visible visible = visibleTo(user);
        List<PublicReport> found = (status == null ? reports.findAllByOrderByReceivedAtDesc()
                : reports.findByStatusOrderByReceivedAtDesc(status)).stream().filter(visible::sees).toList();
        events.publishEvent(new QueueRead(found.stream().map(PublicReport::id).toList(), user.actor()));
        Map<UUID, String> names = userNames();
        Map<UUID, String> operationNames = visible.operationNames();
        return found.stream().map(report -> new ReportSummary(report.id(), report.reference(), report.receivedAt(),
                report.status(), gist(report.what()), report.place(),
                report.assigneeId() == null ? null : names.get(report.assigneeId()),
                report.operationId() == null ? null : operationNames.get(report.operationId()))).toList();
    }

    /** A report; the read, or its refusal, is logged, and says whether the contact details were shown. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ReportView read(UUID id, WaymarkUser user) {
        if (!triages(user)) {
            events.publishEvent(new ReportRead(id, "REFUSED", user.actor(), false));
            throw new AccessDeniedException("reports from the public are triaged by officers and coordinators");
        }
        PublicReport report = reports.findById(id).filter(visibleTo(user)::sees).orElse(null);
        if (report == null) {
            events.publishEvent(new ReportRead(id, "REFUSED", user.actor(), false));
            throw new NotFoundException("report", id);
        }
        boolean contact = seesContact(report, user);
        events.publishEvent(new ReportRead(id, contact ? "WITH_CONTACT" : "WITHOUT_CONTACT", user.actor(), true));
        return view(report, contact, user);
    }

    /**
     * Assigns the report: an officer takes it on themselves; a coordinator gives it to any officer
     * or coordinator of a first-responder agency.
     */
    public ReportView assign(UUID id, UserId assignee, WaymarkUser user) {
        return change(id, user, "ASSIGNED", report -> {
            if (assignee == null) {
                throw new RuleViolationException("report.assignee.required", "assigneeId");
            }
            boolean takingItOn = assignee.equals(user.id()) && (report.assigneeId() == null
                    || report.assigneeId().equals(user.id().value()));
            if (!user.hasRole(Role.COORDINATOR) && !takingItOn) {
                throw new AccessDeniedException("officers take unassigned reports on themselves; coordinators assign");
            }
            // A report linked to an operation stays with the agencies taking part in it.
            WaymarkUser to = users.current(assignee).filter(this::triages)
                    .filter(found -> report.operationId() == null
                            || visibleTo(found).operationNames().containsKey(report.operationId()))
                    .orElseThrow(() -> new RuleViolationException("report.assignee.notTriaging", "assigneeId"));
            report.assign(to.id().value());
        });
    }

    /** Links the report to an operation the user sees. */
    public ReportView link(UUID id, OperationId operation, WaymarkUser user) {
        return change(id, user, "LINKED", report -> {
            if (operation == null) {
                throw new RuleViolationException("report.operation.required", "operationId");
            }
            operations.get(operation, user);
            report.link(operation.value());
        });
    }

    public ReportView changeStatus(UUID id, ReportStatus status, WaymarkUser user) {
        return change(id, user, "STATUS", report -> report.changeStatus(status));
    }

    public ReportView addNote(UUID id, String text, WaymarkUser user) {
        return change(id, user, "NOTE", report -> report.note(text, user.id().value(), clock.instant()));
    }

    /** The officers and coordinators a coordinator may assign a report to, by name. */
    public List<UserSummary> assignable(WaymarkUser user) {
        requireTriage(user);
        Map<AgencyId, AgencySummary> responders = agencies.all().stream()
                .filter(AgencySummary::firstResponder)
                .collect(Collectors.toMap(AgencySummary::id, Function.identity()));
        return users.all().stream().filter(UserSummary::active)
                .filter(found -> responders.containsKey(found.agencyId()))
                .filter(found -> found.roles().contains(Role.OFFICER) || found.roles().contains(Role.COORDINATOR))
                .sorted(Comparator.comparing(UserSummary::name)).toList();
    }

    private ReportView change(UUID id, WaymarkUser user, String what, Consumer<PublicReport> how) {
        requireTriage(user);
        PublicReport report = reports.findById(id).filter(visibleTo(user)::sees)
                .orElseThrow(() -> new NotFoundException("report", id));
        how.accept(report);
        PublicReport saved = reports.save(report);
        events.publishEvent(new ReportTriaged(id, what, user.actor()));
        return view(saved, seesContact(saved, user), user);
    }

    private void requireTriage(WaymarkUser user) {
        if (!triages(user)) {
            throw new AccessDeniedException("reports from the public are triaged by officers and coordinators");
        }
    }

    /** What of the reports a user who triages sees: the operations they see, by name, and their agency. */
    private record Visible(Map<UUID, String> operationNames, UUID agency, Map<UUID, UUID> agencyOfUser) {

        boolean sees(PublicReport report) {
            if (report.operationId() != null) {
                return operationNames.containsKey(report.operationId());
            }
            return report.assigneeId() == null || agency.equals(agencyOfUser.get(report.assigneeId()));
        }
    }

    private Visible visibleTo(WaymarkUser user) {
        return new Visible(operationNames(user), user.agencyId().value(), users.all().stream()
                .collect(Collectors.toMap(found -> found.id().value(), found -> found.agencyId().value())));
    }

    private static boolean seesContact(PublicReport report, WaymarkUser user) {
        return user.hasRole(Role.COORDINATOR) || user.id().value().equals(report.assigneeId());
    }

    PublicReport load(UUID id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException("report", id));
    }

    ReportView view(PublicReport report, boolean contact, WaymarkUser user) {
        Map<UUID, String> names = userNames();
        return new ReportView(report.id(), report.reference(), report.receivedAt(), report.status(), report.what(),
                report.place(), report.happened(), report.who(), contact ? report.contact() : null, contact,
                report.contact() == null, report.assigneeId(),
                report.assigneeId() == null ? null : names.get(report.assigneeId()), report.operationId(),
                report.operationId() == null ? null : operationNames(user).get(report.operationId()),
                report.notes().stream().map(note -> new ReportView.NoteView(names.get(note.authorId()),
                        note.writtenAt(), note.text())).toList(), report.maskedAt());
    }

    private Map<UUID, String> userNames() {
        return users.all().stream().collect(Collectors.toMap(found -> found.id().value(), UserSummary::name));
    }

    /** The names of the operations the user sees: a report linked to another is not named to them. */
    private Map<UUID, String> operationNames(WaymarkUser user) {
        return operations.visibleTo(user).stream().collect(Collectors.toMap(found -> found.id().value(),
                OperationView::name));
    }

    private static String gist(String what) {
        String line = what.replaceAll("\\s+", " ");
        return line.length() <= GIST ? line : line.substring(0, GIST - 1) + "…";
    }
}
