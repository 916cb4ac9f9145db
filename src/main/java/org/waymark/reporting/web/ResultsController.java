package org.waymark.reporting.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.waymark.identity.WaymarkUser;
import org.waymark.reporting.OpenData;
import org.waymark.reporting.Reports;
import org.waymark.reporting.Results;
import org.waymark.shared.ConflictException;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The results pages: an operation's live dashboard, its end-of-operation report with the press
 * summary, the downloads, and the yields across operations.
 */
@PageController
class ResultsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Results results;
    private final Reports reports;
    private final OpenData openData;
    private final MessageSource messages;
    private final int refreshSeconds;

    ResultsController(Results results, Reports reports, OpenData openData, MessageSource messages,
            @Value("${waymark.results.refresh-seconds:30}") int refreshSeconds) {
        this.results = results;
        this.reports = reports;
        this.openData = openData;
        this.messages = messages;
        this.refreshSeconds = refreshSeconds;
    }

    /** How often the dashboard asks for fresh figures. */
    @ModelAttribute("refreshSeconds")
    int refreshSeconds() {
        return refreshSeconds;
    }

    @GetMapping("/operations/{operationId}/results")
    String dashboard(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user, Model model) {
        model.addAttribute("dashboard", results.dashboard(new OperationId(operationId), user));
        model.addAttribute("suppressBelow", openData.suppressBelow());
        return "results/dashboard";
    }

    /** The figures alone, for the dashboard to refresh itself. */
    @GetMapping("/operations/{operationId}/results/figures")
    String figures(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user, Model model) {
        model.addAttribute("dashboard", results.dashboard(new OperationId(operationId), user));
        return "results/dashboard :: figures";
    }

    @GetMapping("/operations/{operationId}/results/open-data.csv")
    ResponseEntity<String> openData(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user) {
        return download(openData.csv(new OperationId(operationId), user), CSV, "open-data-" + operationId + ".csv");
    }

    @GetMapping("/operations/{operationId}/results/report")
    String report(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user, Model model) {
        Reports.Report report = reports.report(new OperationId(operationId), user);
        model.addAttribute("report", report);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PressSummaryForm.of(report.pressSummary().text()));
        }
        return "results/report";
    }

    @PostMapping("/operations/{operationId}/results/report")
    String savePressSummary(@PathVariable UUID operationId, @ModelAttribute("form") PressSummaryForm form,
            BindingResult errors, @RequestParam(defaultValue = "save") String action,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        boolean approve = "approve".equals(action);
        if (!errors.hasErrors()) {
            try {
                reports.save(new OperationId(operationId), form.getText(), approve, user);
                redirect.addFlashAttribute("saved", approve ? "approved" : "saved");
                return "redirect:/operations/" + operationId + "/results/report";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return report(operationId, user, model);
    }

    @GetMapping("/operations/{operationId}/results/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user,
            HttpServletRequest request, HttpServletResponse response) {
        return export(operationId, () -> reports.pdf(new OperationId(operationId), user), MediaType.APPLICATION_PDF,
                ".pdf", request, response);
    }

    @GetMapping("/operations/{operationId}/results/report.csv")
    ResponseEntity<String> reportCsv(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user,
            HttpServletRequest request, HttpServletResponse response) {
        return export(operationId, () -> reports.csv(new OperationId(operationId), user), CSV, ".csv", request,
                response);
    }

    /** The report's file; while its press summary waits for approval, back to the report page, which says so. */
    private <T> ResponseEntity<T> export(UUID operationId, Supplier<T> file, MediaType type, String extension,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            return download(file.get(), type, "results-" + operationId + extension);
        } catch (ConflictException notApproved) {
            String report = "/operations/" + operationId + "/results/report";
            RequestContextUtils.getOutputFlashMap(request).put("exportRefused",
                    messages.getMessage(notApproved.messageCode(), null, notApproved.messageCode(), Locale.UK));
            RequestContextUtils.saveOutputFlashMap(report, request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(report)).build();
        }
    }

    @GetMapping("/results")
    String yields(@AuthenticationPrincipal WaymarkUser user, Model model) {
        model.addAttribute("yields", results.yields(user));
        return "results/yields";
    }

    private static <T> ResponseEntity<T> download(T body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
