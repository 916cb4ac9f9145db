package org.waymark.tips.web;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;
import org.waymark.tips.NewReport;
import org.waymark.tips.Tips;
import org.waymark.tips.TooManyReportsException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The public's way to report: the guidance first (999, 101, the helplines), then the form, then a reference. */
@PageController
@RequiredArgsConstructor
class ReportController {

    private final Tips tips;

    @GetMapping("/report")
    String form(Model model) {
        model.addAttribute("form", new ReportForm());
        return "report/form";
    }

    @PostMapping("/report")
    String report(@ModelAttribute("form") ReportForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (!form.getWebsite().isBlank()) {
            model.addAttribute("reference", tips.decoy());
            return "report/received";
        }
        if (errors.hasErrors()) {
            return "report/form";
        }
        try {
            NewReport report = new NewReport(form.getWhat(), form.getWhere(), form.getWhen(), form.getWho(),
                    form.getContact());
            model.addAttribute("reference", tips.receive(report, request.getRemoteAddr()));
            return "report/received";
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
            return "report/form";
        } catch (TooManyReportsException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "report/limit";
        }
    }
}
