package org.waymark.reporting.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.identity.WaymarkUser;
import org.waymark.reporting.Results;
import org.waymark.shared.PageController;

/**
 * Tells every page whether to link to results (the header, the operation page), so that the
 * modules of those pages need not know of this one.
 */
@ControllerAdvice(annotations = PageController.class)
class ResultsPageAdvice {

    @ModelAttribute("seesResults")
    boolean seesResults(@AuthenticationPrincipal WaymarkUser user) {
        return user != null && Results.seesResults(user);
    }
}
