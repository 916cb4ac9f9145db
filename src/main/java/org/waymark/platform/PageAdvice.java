package org.waymark.platform;

import java.io.IOException;
import java.util.Arrays;

import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

/** What the layout of every page needs, and the error page for records that are not there. */
@ControllerAdvice(annotations = PageController.class)
class PageAdvice {

    private final boolean demo;

    PageAdvice(Environment environment) {
        this.demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
    }

    @ModelAttribute("demo")
    boolean demo() {
        return demo;
    }

    @ModelAttribute("currentUser")
    WaymarkUser currentUser(@AuthenticationPrincipal WaymarkUser user) {
        return user;
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /** Two people changed the same record at once: the page says so rather than fail. */
    @ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
    void concurrentChange(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT);
    }

    /** A rule broken outside a form that can show it against a field. */
    @ExceptionHandler(RuleViolationException.class)
    void ruleViolation(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
