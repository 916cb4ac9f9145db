package org.waymark.tips.api;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.tips.NewReport;
import org.waymark.tips.Tips;
import org.waymark.tips.TooManyReportsException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@Tag(name = "Reports from the public")
@RequiredArgsConstructor
class PublicReportApi {

    private final Tips tips;

    record ReportRequest(String what, String where, String when, String who, String contact) {
    }

    record Reference(String reference) {
    }

    @PostMapping("/api/v1/public/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report information (no token)", description = "Only what is required; contact left out "
            + "to stay anonymous. A few reports per client (an IPv4 address, or an IPv6 /64 network) in a while "
            + "(5 in 10 minutes by default), then 429.")
    Reference report(@RequestBody ReportRequest request, HttpServletRequest http) {
        return new Reference(tips.receive(new NewReport(request.what(), request.where(), request.when(),
                request.who(), request.contact()), http.getRemoteAddr()));
    }

    @ExceptionHandler(TooManyReportsException.class)
    ProblemDetail tooMany() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many reports from this address. "
                + "Try again later, or call 101 (999 in an emergency) or the Modern Slavery Helpline on 08000 121 700.");
    }
}
