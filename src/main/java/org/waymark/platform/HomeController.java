package org.waymark.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page is the list of operations: it is where every role begins. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/operations";
    }
}
