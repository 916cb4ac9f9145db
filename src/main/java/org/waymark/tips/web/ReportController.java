package org.waymark.tips.web;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.waymark.awareness.HelpTexts;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;
import org.waymark.tips.NewReport;
import org.waymark.tips.Tips;
import org.waymark.tips.TooManyReportsException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public's way to report: the guidance first (999, 101, the helplines), then the form, then a
 * reference. In English at {@code /report}, and in each language of the passengers' help at
 * {@code /report/<code>}, with the same form, rules and limit.
 */
@PageController
@RequiredArgsConstructor
class ReportController {

    /** The page for a language there is no form in. */
    private static final String NOT_FOUND = "help/not-found";

    private final Tips tips;
    private final HelpTexts texts;
    private final LocaleResolver locales;

    @GetMapping({ "/report", "/report/{language}" })
    String form(@PathVariable(required = false) String language, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!inLanguage(language, model, request, response)) {
            return NOT_FOUND;
        }
        model.addAttribute("form", new ReportForm());
        return "report/form";
    }

    /** Any other address under the report form is not found in the help's plain words. */
    @GetMapping("/report/{language}/**")
    String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("languages", texts.all());
        return NOT_FOUND;
    }

    @PostMapping({ "/report", "/report/{language}" })
    String report(@PathVariable(required = false) String language, @ModelAttribute("form") ReportForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!inLanguage(language, model, request, response)) {
            return NOT_FOUND;
        }
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

    /**
     * The page set in the language asked for (English when none is), and where its form sends;
     * false, with the answer 404, when there is no form in that language.
     */
    private boolean inLanguage(String language, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        HelpTexts.Help help = texts.in(language == null ? "en" : language).orElse(null);
        if (help == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("languages", texts.all());
            return false;
        }
        locales.setLocale(request, response, help.locale());
        model.addAttribute("passengerLanguage", help);
        model.addAttribute("reportAction", language == null ? "/report" : "/report/" + help.language());
        return true;
    }
}
