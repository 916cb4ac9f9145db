package org.waymark.screening.links.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.passengerdata.Purpose;
import org.waymark.passengerdata.StatedPurposes;
import org.waymark.passengerdata.StatedPurposes.Scope;
import org.waymark.screening.links.LinkGroup;
import org.waymark.screening.links.LinkSettings;
import org.waymark.screening.links.OperationLinks;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.PlainText;

import jakarta.servlet.http.HttpSession;

/**
 * An operation's linked bookings, for those with the passenger data role in an agency taking
 * part: a purpose stated first, then the groups over a window of days (the operation's first
 * days by default), each as a list and a small diagram, and the operation's flag size.
 */
@PageController
@RequestMapping("/screening/operations/{operationId}/links")
@RequiredArgsConstructor
class LinksController {

    private final Operations operations;
    private final OperationLinks links;
    private final LinkSettings settings;
    private final Clock clock;

    @GetMapping
    String links(@PathVariable UUID operationId, @ModelAttribute("window") LinksForms.Window window,
            BindingResult errors, @RequestParam(required = false) String saved, @AuthenticationPrincipal WaymarkUser user, HttpSession session, Model model) {
        OperationView operation = operations.get(new OperationId(operationId), user);
        Optional<Purpose> purpose = StatedPurposes.stated(session, Scope.OPERATION, operationId, clock.instant());
        if (purpose.isEmpty()) {
            return "redirect:" + address(operationId, "/purpose", window.getFrom(), window.getTo());
        }
        LinksForms.FlagSize flagSize = new LinksForms.FlagSize();
        flagSize.setFlagSize(String.valueOf(settings.flagSize(operation.id())));
        return page(operation, window, errors, flagSize, saved != null, purpose.get(), user, model);
    }

    @PostMapping("/flag-size")
    String setFlagSize(@PathVariable UUID operationId, @ModelAttribute("flagSizeForm") LinksForms.FlagSize form,
            BindingResult errors, @AuthenticationPrincipal WaymarkUser user, HttpSession session, Model model) {
        OperationView operation = operations.get(new OperationId(operationId), user);
        Optional<Purpose> purpose = StatedPurposes.stated(session, Scope.OPERATION, operationId, clock.instant());
        if (purpose.isEmpty()) {
            return "redirect:" + address(operationId, "/purpose", form.getFrom(), form.getTo());
        }
        Integer size = flagSize(form.getFlagSize());
        if (size == null) {
            errors.rejectValue("flagSize", "screening.links.flagSize.range");
            LinksForms.Window window = new LinksForms.Window();
            window.setFrom(form.getFrom());
            window.setTo(form.getTo());
            BindingResult windowErrors = new BeanPropertyBindingResult(window, "window");
            model.addAttribute("window", window);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "window", windowErrors);
            return page(operation, window, windowErrors, form, false, purpose.get(), user, model);
        }
        settings.setFlagSize(operation.id(), size, user);
        return "redirect:" + address(operationId, "", form.getFrom(), form.getTo(), true);
    }

    @GetMapping("/purpose")
    String purposeForm(@PathVariable UUID operationId, @ModelAttribute("window") LinksForms.Window window,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        model.addAttribute("form", new LinksForms.PurposeText());
        return purposePage(operations.get(new OperationId(operationId), user), window, model);
    }

    @PostMapping("/purpose")
    String statePurpose(@PathVariable UUID operationId, @ModelAttribute("form") LinksForms.PurposeText form,
            BindingResult errors, @ModelAttribute("window") LinksForms.Window window,
            @AuthenticationPrincipal WaymarkUser user, HttpSession session, Model model) {
        OperationView operation = operations.get(new OperationId(operationId), user);
        String text = PlainText.typed(form.getText());
        String textProblem = Purpose.problemWithText(text);
        if (textProblem != null) {
            errors.rejectValue("text", textProblem);
        }
        if (errors.hasErrors()) {
            return purposePage(operation, window, model);
        }
        StatedPurposes.state(session, Scope.OPERATION, operationId, new Purpose(Purpose.Kind.THE_OPERATION, operationId,
                operation.name(), text, clock.instant()));
        return "redirect:" + address(operationId, "", window.getFrom(), window.getTo());
    }

    private String page(OperationView operation, LinksForms.Window window, BindingResult errors,
            LinksForms.FlagSize flagSize, boolean saved, Purpose purpose, WaymarkUser user, Model model) {
        LocalDate from = day(window.getFrom(), "from", errors);
        LocalDate to = day(window.getTo(), "to", errors);
        if (!errors.hasErrors()) {
            if (from == null) {
                from = operation.startDate();
            }
            if (to == null) {
                to = from.plusDays(OperationLinks.MOST_DAYS - 1);
                if (!from.isAfter(operation.endDate()) && to.isAfter(operation.endDate())) {
                    to = operation.endDate();
                }
            }
            if (to.isBefore(from)) {
                errors.rejectValue("to", "screening.links.window.order");
            } else if (to.isAfter(from.plusDays(OperationLinks.MOST_DAYS - 1))) {
                errors.rejectValue("to", "screening.links.window.tooLong", new Object[] { OperationLinks.MOST_DAYS },
                        null);
            }
        }
        model.addAttribute("operation", operation);
        model.addAttribute("purpose", purpose);
        model.addAttribute("saved", saved);
        model.addAttribute("flagSizeForm", flagSize);
        model.addAttribute("mostDays", OperationLinks.MOST_DAYS);
        model.addAttribute("smallest", LinkSettings.SMALLEST);
        model.addAttribute("largest", LinkSettings.LARGEST);
        if (errors.hasErrors()) {
            return "screening/links/links";
        }
        window.setFrom(from.toString());
        window.setTo(to.toString());
        OperationLinks.Shown shown = links.show(operation.id(), from, to, purpose, user);
        Map<UUID, LinkDiagram> diagrams = new HashMap<>();
        for (LinkGroup group : shown.groups()) {
            diagrams.put(group.id(), LinkDiagram.of(group));
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("shown", shown);
        model.addAttribute("diagrams", diagrams);
        model.addAttribute("flagged", shown.groups().stream().filter(LinkGroup::flagged).count());
        return "screening/links/links";
    }

    private String purposePage(OperationView operation, LinksForms.Window window, Model model) {
        model.addAttribute("operation", operation);
        model.addAttribute("maxText", Purpose.MAX_TEXT);
        model.addAttribute("lastsMinutes", Purpose.LASTS_MINUTES);
        return "screening/links/purpose";
    }

    /** The day typed as yyyy-MM-dd; null, with an error, when it is not one; null when nothing was typed. */
    private static LocalDate day(String typed, String field, BindingResult errors) {
        String text = PlainText.typed(typed);
        if (text == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() >= 2000 && day.getYear() <= 2999) {
                return day;
            }
        } catch (DateTimeParseException notADay) {
            // refused below
        }
        errors.rejectValue(field, "screening.links.window.day");
        return null;
    }

    private static Integer flagSize(String typed) {
        String text = PlainText.typed(typed);
        if (text == null || !text.matches("\\d{1,3}")) {
            return null;
        }
        int size = Integer.parseInt(text);
        return size < LinkSettings.SMALLEST || size > LinkSettings.LARGEST ? null : size;
    }

    private static String address(UUID operationId, String path, String from, String to) {
        return address(operationId, path, from, to, false);
    }

    private static String address(UUID operationId, String path, String from, String to, boolean saved) {
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/screening/operations/{id}/links" + path);
        if (from != null && !from.isBlank()) {
            address.queryParam("from", from.strip());
        }
        if (to != null && !to.isBlank()) {
            address.queryParam("to", to.strip());
        }
        if (saved) {
            address.queryParam("saved", "");
        }
        return address.buildAndExpand(operationId).encode().toUriString();
    }
}
