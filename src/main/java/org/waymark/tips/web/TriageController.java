package org.waymark.tips.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleField;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;
import org.waymark.tips.ReportStatus;
import org.waymark.tips.Triage;

/** The triage queue of reports from the public, and each report with what can be done with it. */
@PageController
@RequiredArgsConstructor
class TriageController {

    private final Triage triage;
    private final Operations operations;

    @GetMapping("/reports")
    String queue(@RequestParam(required = false) ReportStatus status, @AuthenticationPrincipal WaymarkUser user,
            Model model) {
        model.addAttribute("reports", triage.queue(status, user));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ReportStatus.values());
        return "report/queue";
    }

    @GetMapping("/reports/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        if (!model.containsAttribute("note")) {
            model.addAttribute("note", new NoteForm());
        }
        model.addAttribute("report", triage.read(id, user));
        model.addAttribute("operations", operations.visibleTo(user));
        model.addAttribute("statuses", ReportStatus.values());
        if (user.hasRole(Role.COORDINATOR)) {
            model.addAttribute("assignable", triage.assignable(user));
        }
        return "report/report";
    }

    /** Each change goes back to the report with a banner, or the reason it was refused. */
    @PostMapping("/reports/{id}/assignee")
    String assign(@PathVariable UUID id, @RequestParam(required = false) UUID userId,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        return done(id, redirect, "reports.assigned",
                () -> triage.assign(id, new UserId(userId == null ? user.id().value() : userId), user));
    }

    @PostMapping("/reports/{id}/operation")
    String link(@PathVariable UUID id, @RequestParam(required = false) UUID operationId,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        return done(id, redirect, "reports.linked",
                () -> triage.link(id, operationId == null ? null : new OperationId(operationId), user));
    }

    @PostMapping("/reports/{id}/status")
    String status(@PathVariable UUID id, @RequestParam(required = false) ReportStatus status,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        return done(id, redirect, "reports.statusChanged", () -> triage.changeStatus(id, status, user));
    }

    /** A note refused (empty, too long, holding a control character) comes back to be put right, as typed. */
    @PostMapping("/reports/{id}/notes")
    String note(@PathVariable UUID id, @ModelAttribute("note") NoteForm note, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                triage.addNote(id, note.getText(), user);
                redirect.addFlashAttribute("saved", "reports.noted");
                return "redirect:/reports/" + id;
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return show(id, user, model);
    }

    /** A note on the report, as typed. */
    static class NoteForm {

        @RuleField("note")
        private String text = "";

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    private static String done(UUID id, RedirectAttributes redirect, String saved, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", saved);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/reports/" + id;
    }
}
