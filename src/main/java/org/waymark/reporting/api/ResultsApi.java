package org.waymark.reporting.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.reporting.Dashboard;
import org.waymark.reporting.OpenData;
import org.waymark.reporting.Reports;
import org.waymark.reporting.Results;
import org.waymark.reporting.Summary;
import org.waymark.reporting.Yields;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * An operation's results: exact figures, the dashboard's breakdowns, the open-data file, the
 * end-of-operation report with its press summary, and yields across operations. For
 * coordinators, officers and analysts of the agencies taking part.
 */
@RestController
@Tag(name = "Results")
@RequiredArgsConstructor
class ResultsApi {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Results results;
    private final Reports reports;
    private final OpenData openData;

    @GetMapping("/api/v1/operations/{id}/summary")
    @Operation(summary = "An operation's results in exact figures", description = "A flight counts as monitored once "
            + "DONE, or while MONITORING once its scheduled time has come at the port; flightsStillToCome counts "
            + "the flights MONITORING whose time is still to come. Checks count whatever their status; referrals count once submitted. "
            + "referralsOwed counts the checks closed with an NRM referral or Duty to Notify outcome of which no "
            + "referral has been submitted yet. passengersOnMonitoredFlights sums the passengers on board the flights "
            + "monitored as airline passenger data count them (null where none came); engagementRate is the "
            + "passengers engaged on those flights (passengersEngagedOnFlightsWithPassengerData) as a percentage of "
            + "them. For coordinators, officers and analysts of the agencies taking part.")
    Summary summary(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return results.summary(new OperationId(id), user);
    }

    @GetMapping("/api/v1/operations/{id}/dashboard")
    @Operation(summary = "The summary broken down by day, country, flight, place, language and outcome",
            description = "With partners' response times. Counts only. A row's bar is its share of the largest "
                    + "in its list, in per cent. byFlight lists the busiest flights, 20 unless flights asks for "
                    + "another number or all; flightsWithPassengers says how many flights have passengers counted."
                    + " Analysts see figures summed over flights only: byFlight is empty for them, as the flight"
                    + " API refuses them flights, and linksToRecords is false.")
    Dashboard dashboard(@PathVariable UUID id, @RequestParam(required = false) String flights,
            @AuthenticationPrincipal WaymarkUser user) {
        return results.dashboard(new OperationId(id), user, flightRows(flights));
    }

    private static int flightRows(String flights) {
        if (flights == null) {
            return Results.DASHBOARD_FLIGHTS;
        }
        if (flights.equals("all")) {
            return Integer.MAX_VALUE;
        }
        try {
            int rows = Integer.parseInt(flights);
            if (rows > 0) {
                return rows;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new RuleViolationException("results.flights.invalid", "flights");
    }

    @GetMapping("/api/v1/operations/{id}/open-data")
    @Operation(summary = "Figures for publication, as CSV", description = "date, country, measure, outcome, count; "
            + "one row per day, country of the flight (blank away from any flight), measure and outcome. Every "
            + "count below the deployment's threshold (5 unless set) is given as <5.")
    ResponseEntity<String> openData(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return download(openData.csv(new OperationId(id), user), CSV, "open-data-" + id + ".csv");
    }

    @GetMapping("/api/v1/operations/{id}/report")
    @Operation(summary = "The press summary of the end-of-operation report", description = "The saved text and "
            + "whether it is approved; for the lead agency's coordinators, a draft from the figures while "
            + "nothing is saved. stale: approved, but the figures have changed since.")
    Reports.PressSummary report(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return reports.report(new OperationId(id), user).pressSummary();
    }

    /** The coordinator's press summary, and whether they approve it as it stands. */
    record PressSummaryText(String text, Boolean approved) {
    }

    @PutMapping("/api/v1/operations/{id}/report/press-summary")
    @Operation(summary = "Save the press summary, and approve it", description = "For coordinators of the lead "
            + "agency. Saving a new text takes back an earlier approval; approved: true approves the text as "
            + "saved. 422 when empty or over 4,000 characters.")
    Reports.PressSummary savePressSummary(@PathVariable UUID id, @RequestBody PressSummaryText body,
            @AuthenticationPrincipal WaymarkUser user) {
        return reports.save(new OperationId(id), body.text(), Boolean.TRUE.equals(body.approved()), user);
    }

    @GetMapping("/api/v1/operations/{id}/report.pdf")
    @Operation(summary = "The end-of-operation report as a PDF", description = "409 until the press summary is "
            + "approved against the figures as they stand.")
    ResponseEntity<byte[]> reportPdf(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return download(reports.pdf(new OperationId(id), user), MediaType.APPLICATION_PDF, "results-" + id + ".pdf");
    }

    @GetMapping("/api/v1/operations/{id}/report.csv")
    @Operation(summary = "The end-of-operation report's figures as CSV", description = "measure, by, item, count. "
            + "409 until the press summary is approved against the figures as they stand.")
    ResponseEntity<String> reportCsv(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return download(reports.csv(new OperationId(id), user), CSV, "results-" + id + ".csv");
    }

    @GetMapping("/api/v1/yields")
    @Operation(summary = "Enhanced checks and referrals per 1,000 passengers engaged, per country and route",
            description = "Across every operation the caller's agency takes part in; to help choose flights.")
    Yields yields(@AuthenticationPrincipal WaymarkUser user) {
        return results.yields(user);
    }

    private static <T> ResponseEntity<T> download(T body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
