package org.waymark.platform;

import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.waymark.shared.PageController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every error that reaches /error: problem JSON for the API, a GOV.UK page for people. Neither
 * shows a stack trace or an exception message.
 */
@PageController
@RequiredArgsConstructor
class ErrorPages implements ErrorController {

    /** A request attribute naming a page text more precise than the status's own. */
    static final String TEXT = ErrorPages.class.getName() + ".text";

    private final ProblemResponses problems;

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        HttpStatus status = status(request);
        if (isApi(request)) {
            problems.write(response, problem(request).getBody());
            return null;
        }
        response.setStatus(status.value());
        Object text = request.getAttribute(TEXT);
        return new ModelAndView("error", Map.of("status", status.value(), "kind", kind(status), "text",
                text != null ? text : "error." + kind(status) + ".text"), status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The page text to show: the common statuses have their own, the rest share one of two. */
    private static int kind(HttpStatus status) {
        return switch (status.value()) {
            case 400, 403, 404, 405, 409 -> status.value();
            default -> status.is5xxServerError() ? 500 : 400;
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND; // /error asked for directly: there is no such page
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
