package org.waymark.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.shared.PageController;

/** The start page is the list of operations: it is where every role begins. */
@PageController
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/operations";
    }
}
