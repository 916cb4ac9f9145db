package org.waymark.platform;

import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

import tools.jackson.core.JacksonException;

/**
 * Turns every failure of a JSON API call into RFC 9457 problem JSON with a 4xx status and a
 * message a developer can act on. Field errors are listed under {@code errors}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    /** One field's problem, as listed in the {@code errors} property. */
    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such record, or you may not see it.");
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT
                : e instanceof UnprocessableException ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        String message = messages.getMessage(e.messageCode(), null, e.messageCode(), Locale.UK);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        if (e instanceof UnprocessableException unprocessable && !unprocessable.fields().isEmpty()) {
            problem.setProperty("errors", unprocessable.fields().entrySet().stream().map(missing -> new FieldProblem(
                    missing.getKey(), messages.getMessage(missing.getValue(), null, missing.getValue(), Locale.UK)))
                    .toList());
        } else if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), message)));
        }
        return problem;
    }

    /** Two people changed or created the same record at once; the second one tries again. */
    @ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
    ProblemDetail concurrentChange(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage("error.409.text", null,
                Locale.UK));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this request.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getName() + "' is not in the expected form.");
        problem.setProperty("errors", List.of(new FieldProblem(e.getName(), "is not in the expected form")));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in an API call", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed; try again later.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(),
                        messages.getMessage(error, Locale.UK)))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are missing or not valid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), messages.getMessage(error, Locale.UK))))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some parameters are not valid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolationException rule) {
                // A value object refused what the body held, such as an unknown country code; a
                // rule that does not know its field, such as no control characters, is named by
                // the JSON path.
                JacksonException json = jsonProblem(e);
                ProblemDetail problem = ruleViolation(rule.field() == null && json != null
                        && rule.getClass() == RuleViolationException.class
                                ? new RuleViolationException(rule.messageCode(), path(json)) : rule);
                return ResponseEntity.status(problem.getStatus()).body(problem);
            }
        }
        ProblemDetail problem;
        JacksonException json = jsonProblem(e);
        if (json != null) {
            String field = path(json);
            String message = json.getClass().getSimpleName().startsWith("Unrecognized")
                    ? "is not a field of this request" : "is missing or not in the expected form";
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'" + field + "' " + message + ".");
            problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body must be a JSON object of the documented form.");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** The outermost JSON error that knows which field it is about, such as a date that is no date. */
    private static JacksonException jsonProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                return json;
            }
        }
        return null;
    }

    /** The JSON path of the field at fault, such as {@code focusCountries[1]}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
