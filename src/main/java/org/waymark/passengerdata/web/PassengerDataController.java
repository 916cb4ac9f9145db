package org.waymark.passengerdata.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.passengerdata.PassengerData;
import org.waymark.passengerdata.PassengerData.FlightSummary;
import org.waymark.passengerdata.Purpose;
import org.waymark.passengerdata.StatedPurposes;
import org.waymark.passengerdata.StatedPurposes.Scope;
import org.waymark.shared.PageController;
import org.waymark.shared.PlainText;

import jakarta.servlet.http.HttpSession;

/**
 * Passengers' data for those with the passenger data role: the day's flights by their counts,
 * then, for one flight, a purpose stated before anything of a person is shown, and with it the
 * flight's passenger list, a traveller and a booking, each read logged with that purpose.
 */
@PageController
@RequestMapping("/passenger-data")
@RequiredArgsConstructor
class PassengerDataController {

    /** The days of flights, as people at the UK's ports count them. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    private final PassengerData passengerData;
    private final Operations operations;
    private final Clock clock;

    @GetMapping
    String home(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        LocalDate day = date == null ? today : date;
        model.addAttribute("flights", passengerData.flightsOn(day, user));
        model.addAttribute("day", day);
        model.addAttribute("today", day.equals(today));
        model.addAttribute("previousDay", day.minusDays(1));
        model.addAttribute("nextDay", day.plusDays(1));
        model.addAttribute("operations", operationChoices(user));
        return "passengerdata/home";
    }

    @GetMapping("/flights/{id}/purpose")
    String purposeForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        model.addAttribute("form", new PurposeForm());
        return purposePage(id, user, model);
    }

    @PostMapping("/flights/{id}/purpose")
    String statePurpose(@PathVariable UUID id, @ModelAttribute("form") PurposeForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, HttpSession session, Model model) {
        FlightSummary flight = passengerData.flight(id, user);
        Map<String, String> choices = operationChoices(user);
        Purpose.Kind kind = Purpose.Kind.named(form.getPurpose());
        if (kind == null && !errors.hasFieldErrors("purpose")) {
            errors.rejectValue("purpose", "pd.purpose.kind.required");
        }
        String operationId = PlainText.typed(form.getOperation());
        if (kind == Purpose.Kind.THE_OPERATION && !choices.isEmpty() && !errors.hasFieldErrors("operation")
                && (operationId == null || !choices.containsKey(operationId))) {
            errors.rejectValue("operation", "pd.purpose.operation.required");
        }
        String text = PlainText.typed(form.getText());
        String textProblem = Purpose.problemWithText(text);
        if (textProblem != null && !errors.hasFieldErrors("text")) {
            errors.rejectValue("text", textProblem);
        }
        if (errors.hasErrors()) {
            return purposePage(id, user, model);
        }
        boolean forOperation = kind == Purpose.Kind.THE_OPERATION && operationId != null
                && choices.containsKey(operationId);
        StatedPurposes.state(session, Scope.FLIGHT, flight.id(), new Purpose(kind,
                forOperation ? UUID.fromString(operationId) : null, forOperation ? choices.get(operationId) : null,
                text, clock.instant()));
        return "redirect:/passenger-data/flights/" + flight.id();
    }

    @GetMapping("/flights/{id}")
    String passengers(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal WaymarkUser user, HttpSession session, Model model) {
        FlightSummary flight = passengerData.flight(id, user);
        Optional<Purpose> purpose = StatedPurposes.stated(session, Scope.FLIGHT, flight.id(), clock.instant());
        if (purpose.isEmpty()) {
            return "redirect:/passenger-data/flights/" + flight.id() + "/purpose";
        }
        model.addAttribute("list", passengerData.passengers(flight.id(), page, purpose.get(), user));
        model.addAttribute("purpose", purpose.get());
        return "passengerdata/passengers";
    }

    @GetMapping("/travellers/{id}")
    String traveller(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, HttpSession session,
            Model model) {
        UUID flight = passengerData.flightOfTraveller(id, user);
        Optional<Purpose> purpose = StatedPurposes.stated(session, Scope.FLIGHT, flight, clock.instant());
        if (purpose.isEmpty()) {
            return "redirect:/passenger-data/flights/" + flight + "/purpose";
        }
        model.addAttribute("traveller", passengerData.traveller(id, purpose.get(), user));
        model.addAttribute("purpose", purpose.get());
        return "passengerdata/traveller";
    }

    @GetMapping("/bookings/{id}")
    String booking(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, HttpSession session,
            Model model) {
        UUID flight = passengerData.flightOfBooking(id, user);
        Optional<Purpose> purpose = StatedPurposes.stated(session, Scope.FLIGHT, flight, clock.instant());
        if (purpose.isEmpty()) {
            return "redirect:/passenger-data/flights/" + flight + "/purpose";
        }
        model.addAttribute("booking", passengerData.booking(id, purpose.get(), user));
        model.addAttribute("purpose", purpose.get());
        return "passengerdata/booking";
    }

    private String purposePage(UUID id, WaymarkUser user, Model model) {
        model.addAttribute("flight", passengerData.flight(id, user));
        model.addAttribute("kinds", Purpose.Kind.values());
        model.addAttribute("operations", operationChoices(user));
        model.addAttribute("maxText", Purpose.MAX_TEXT);
        model.addAttribute("lastsMinutes", Purpose.LASTS_MINUTES);
        return "passengerdata/purpose";
    }

    /** The operations the user's agency takes part in that are planned or under way, by id, with their names. */
    private Map<String, String> operationChoices(WaymarkUser user) {
        Map<String, String> choices = new LinkedHashMap<>();
        List<OperationView> open = operations.visibleTo(user).stream()
                .filter(operation -> operation.status() != OperationStatus.CLOSED).toList();
        open.forEach(operation -> choices.put(operation.id().value().toString(), operation.name()));
        return choices;
    }
}
