package org.waymark.flight.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.flight.AskedToSpeakWith;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightStatus;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.flight.ImportJobs;
import org.waymark.flight.ScheduleImport;
import org.waymark.flight.ScheduledFlight;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.shared.DateInput;
import org.waymark.shared.FlightId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/** The flights of an operation: the list, adding and importing, choosing, and the day's board. */
@PageController
@RequestMapping("/operations/{operationId}")
@RequiredArgsConstructor
class FlightController {

    private final Flights flights;
    private final Operations operations;
    private final ImportJobs imports;
    /** The screening module, where it is part of the application; otherwise no one is asked to speak with anyone. */
    private final ObjectProvider<AskedToSpeakWith> askedToSpeakWith;

    @ModelAttribute("directions")
    Direction[] directions() {
        return Direction.values();
    }

    @GetMapping("/flights")
    String list(@PathVariable UUID operationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        OperationView operation = page(operationId, user, model);
        model.addAttribute("flights", flights.list(operation.id(), date, user));
        AskedToSpeakWith asked = askedToSpeakWith.getIfAvailable();
        model.addAttribute("waitingRequests", asked == null ? Map.of() : asked.waitingByFlight(operation.id()));
        model.addAttribute("date", date);
        model.addAttribute("days", operation.startDate().datesUntil(operation.endDate().plusDays(1)).toList());
        return "flights/list";
    }

    @GetMapping("/flights/new")
    String add(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user, Model model) {
        OperationView operation = planned(operationId, user, model);
        FlightForm form = new FlightForm();
        form.setDate(DateInput.of(flights.today(operation)));
        model.addAttribute("form", form);
        return "flights/form";
    }

    @PostMapping("/flights")
    String create(@PathVariable UUID operationId, @ModelAttribute("form") FlightForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        OperationView operation = planned(operationId, user, model);
        ScheduledFlight flight = form.toFlight(errors);
        if (flight != null) {
            try {
                FlightView added = flights.add(operation.id(), flight, user);
                redirect.addFlashAttribute("added", added.flightNumber());
                return "redirect:/operations/" + operationId + "/flights?date=" + added.scheduled().toLocalDate();
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return "flights/form";
    }

    @GetMapping("/flights/import")
    String importForm(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user, Model model) {
        planned(operationId, user, model);
        return "flights/import";
    }

    @PostMapping("/flights/import")
    String startImport(@PathVariable UUID operationId, @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal WaymarkUser user, Model model) throws IOException {
        OperationView operation = planned(operationId, user, model);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "flight.import.file.required");
            return "flights/import";
        }
        if (file.getSize() > ScheduleImport.MAX_BYTES) {
            model.addAttribute("problem", "flight.import.tooLarge");
            return "flights/import";
        }
        UUID job = imports.start(operation.id(), file.getBytes(), user);
        return "redirect:/operations/" + operationId + "/flights/import/" + job;
    }

    @GetMapping("/flights/import/{jobId}")
    String importProgress(@PathVariable UUID operationId, @PathVariable UUID jobId,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        OperationView operation = page(operationId, user, model);
        var job = imports.find(jobId, operation.id(), user).orElseThrow(() -> new NotFoundException("import", jobId));
        model.addAttribute("job", job);
        return "flights/import-progress";
    }

    @PostMapping("/flights/monitor-suggested")
    String monitorSuggested(@PathVariable UUID operationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        // The day's list monitors the day's suggestions only, and comes back to that day.
        redirect.addFlashAttribute("monitored", flights.monitorSuggested(new OperationId(operationId), date, user));
        return "redirect:/operations/" + operationId + "/flights" + (date == null ? "" : "?date=" + date);
    }

    @GetMapping("/flights/{flightId}")
    String show(@PathVariable UUID operationId, @PathVariable UUID flightId, @AuthenticationPrincipal WaymarkUser user,
            Model model) {
        OperationView operation = page(operationId, user, model);
        FlightView flight = flights.get(operation.id(), new FlightId(flightId), user);
        model.addAttribute("flight", flight);
        AskedToSpeakWith asked = askedToSpeakWith.getIfAvailable();
        model.addAttribute("askedToSpeakWith", asked == null ? List.of() : asked.shownTo(operation.id(), flight, user));
        model.addAttribute("resultNoteMax", AskedToSpeakWith.MAX_NOTE);
        if (operation.editable()) {
            model.addAttribute("officers", flights.officersOf(operation));
        }
        model.addAttribute("statuses", FlightStatus.values());
        return "flights/detail";
    }

    @PostMapping("/flights/{flightId}/monitor")
    String monitor(@PathVariable UUID operationId, @PathVariable UUID flightId,
            @AuthenticationPrincipal WaymarkUser user) {
        FlightView flight = flights.monitor(new OperationId(operationId), new FlightId(flightId), user);
        return "redirect:/operations/" + operationId + "/flights?date=" + flight.scheduled().toLocalDate();
    }

    @PostMapping("/flights/{flightId}/status")
    String changeStatus(@PathVariable UUID operationId, @PathVariable UUID flightId,
            @RequestParam FlightStatus status, @AuthenticationPrincipal WaymarkUser user,
            RedirectAttributes redirect) {
        try {
            flights.changeStatus(new OperationId(operationId), new FlightId(flightId), status, user);
            redirect.addFlashAttribute("saved", "flight.status.saved");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/operations/" + operationId + "/flights/" + flightId;
    }

    @PostMapping("/flights/{flightId}/officers")
    String assignOfficers(@PathVariable UUID operationId, @PathVariable UUID flightId,
            @RequestParam(name = "officerIds", required = false) Set<UUID> officerIds,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        Set<UserId> officers = officerIds == null ? Set.of()
                : officerIds.stream().map(UserId::new).collect(Collectors.toSet());
        try {
            flights.assignOfficers(new OperationId(operationId), new FlightId(flightId), officers, user);
            redirect.addFlashAttribute("saved", "flight.officers.saved");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/operations/" + operationId + "/flights/" + flightId;
    }

    @GetMapping("/board")
    String board(@PathVariable UUID operationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        OperationView operation = page(operationId, user, model);
        LocalDate day = date == null ? flights.today(operation) : date;
        model.addAttribute("board", flights.board(operation.id(), day, user));
        model.addAttribute("previousDay", day.isAfter(operation.startDate()) ? day.minusDays(1) : null);
        model.addAttribute("nextDay", day.isBefore(operation.endDate()) ? day.plusDays(1) : null);
        return "flights/board";
    }

    /** The board's rows alone, fetched by the page every few seconds to stay current. */
    @GetMapping("/board/rows")
    String boardRows(@PathVariable UUID operationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        OperationView operation = page(operationId, user, model);
        model.addAttribute("board", flights.board(operation.id(), date, user));
        return "flights/board :: rows";
    }

    private OperationView page(UUID operationId, WaymarkUser user, Model model) {
        OperationView operation = operations.get(new OperationId(operationId), user);
        model.addAttribute("operation", operation);
        return operation;
    }

    private OperationView planned(UUID operationId, WaymarkUser user, Model model) {
        OperationView operation = page(operationId, user, model);
        if (!operation.editable()) {
            throw new AccessDeniedException("only coordinators of the lead agency plan flights");
        }
        return operation;
    }
}
