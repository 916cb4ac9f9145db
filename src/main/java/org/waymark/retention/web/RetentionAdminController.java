package org.waymark.retention.web;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.retention.DisposalEntry;
import org.waymark.retention.HeldType;
import org.waymark.retention.Holds;
import org.waymark.retention.Retention;
import org.waymark.shared.ConflictException;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/** For administrators: the retention periods, what is due, holds, a run now, and the disposal register. */
@PageController
@RequestMapping("/admin/retention")
@RequiredArgsConstructor
class RetentionAdminController {

    static final int PAGE_SIZE = 50;

    private final Retention retention;
    private final Holds holds;
    private final Users users;
    private final MessageSource messages;

    @ModelAttribute("heldTypes")
    HeldType[] heldTypes() {
        return HeldType.values();
    }

    @GetMapping
    String show(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new HoldForm());
        }
        int shown = Math.max(0, Math.min(page, 100_000));
        List<DisposalEntry> entries = retention.register(shown, PAGE_SIZE + 1);
        model.addAttribute("classes", retention.overview());
        model.addAttribute("periods", periods(locale));
        model.addAttribute("holds", holds.standing());
        model.addAttribute("entries", entries.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("page", shown);
        model.addAttribute("userNames", users.all().stream()
                .collect(Collectors.toMap(user -> user.id().value(), user -> user.name())));
        return "admin/retention";
    }

    @PostMapping("/run")
    String run(@AuthenticationPrincipal WaymarkUser admin, RedirectAttributes redirect) {
        Retention.Run run = retention.runNow(admin);
        redirect.addFlashAttribute("ran", List.of(run.maskedTotal(), run.deletedTotal()));
        return "redirect:/admin/retention";
    }

    @PostMapping("/holds")
    String place(@Validated @ModelAttribute("form") HoldForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, Model model, Locale locale, RedirectAttributes redirect) {
        HeldType type = null;
        if (form.getRecordType() != null && !form.getRecordType().isBlank()) {
            try {
                type = HeldType.valueOf(form.getRecordType());
            } catch (IllegalArgumentException unknown) {
                errors.rejectValue("recordType", "retention.hold.type.required");
            }
        }
        if (!errors.hasErrors()) {
            try {
                holds.place(type, form.getRecordId(), form.getReason(), admin);
                redirect.addFlashAttribute("held", true);
                return "redirect:/admin/retention";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field() == null ? "recordId" : e.field(), e.messageCode());
            }
        }
        return show(0, model, locale);
    }

    @PostMapping("/holds/{id}/lift")
    String lift(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin, RedirectAttributes redirect) {
        try {
            holds.lift(id, admin);
        } catch (ConflictException liftedAlready) {
            // Sent twice, as a double click does: the hold is lifted either way.
        }
        redirect.addFlashAttribute("lifted", true);
        return "redirect:/admin/retention";
    }

    /** Each class's period in words, such as 6 years, or 90 days. */
    private Map<String, String> periods(Locale locale) {
        var policy = retention.policy();
        return Map.of("CHECK_WITHOUT_REFERRAL", words(policy.checkWithoutReferral(), locale),
                "REFERRAL_PACKAGE", words(policy.referral(), locale),
                "PUBLIC_REPORT", words(policy.publicReport(), locale),
                "PUBLIC_REPORT_LINKED", words(policy.publicReportLinked(), locale),
                "ENGAGEMENT", words(policy.engagement(), locale),
                "AUDIT_LOG", words(policy.auditLog(), locale),
                "DELETE_AFTER_MASKING", words(policy.deleteAfterMasking(), locale),
                "PASSENGER_DATA", words(policy.passengerData(), locale),
                "PASSENGER_DATA_MASK", words(policy.passengerDataMask(), locale));
    }

    /** A time in hours, such as 48 hours, or in minutes where it is not whole hours. */
    private String words(Duration time, Locale locale) {
        if (time.toMinutesPart() != 0 || time.toSecondsPart() != 0) {
            return messages.getMessage("retention.minutes", new Object[] { Math.max(1, time.toMinutes()) }, locale);
        }
        return messages.getMessage("retention.hours", new Object[] { time.toHours() }, locale);
    }

    private String words(Period period, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(messages.getMessage("retention.years", new Object[] { period.getYears() }, locale));
        }
        if (period.getMonths() != 0) {
            parts.add(messages.getMessage("retention.months", new Object[] { period.getMonths() }, locale));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(messages.getMessage("retention.days", new Object[] { period.getDays() }, locale));
        }
        return String.join(", ", parts);
    }
}
