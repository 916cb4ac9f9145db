package org.waymark.safeguarding.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the pages of checks, requests and the indicator catalogue share. */
@ControllerAdvice(basePackageClasses = CheckPagesAdvice.class)
class CheckPagesAdvice {

    private static final Names NAMES = new Names();

    @ModelAttribute("names")
    Names names() {
        return NAMES;
    }
}
