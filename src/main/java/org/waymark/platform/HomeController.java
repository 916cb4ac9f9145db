package org.waymark.platform;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.PageController;

/**
 * The start page is where each role's work begins: officers and coordinators at today's shift,
 * partners at the requests to their agency, analysts at the results, those with the passenger
 * data role at the day's flights with passenger data, administrators at the operations.
 */
@PageController
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal WaymarkUser user) {
        if (!user.operational()) {
            return user.hasRole(Role.PASSENGER_DATA) ? "redirect:/passenger-data" : "home";
        }
        if (user.hasRole(Role.OFFICER) || user.hasRole(Role.COORDINATOR)) {
            return "redirect:/shift";
        }
        if (user.hasRole(Role.PARTNER)) {
            return "redirect:/requests";
        }
        if (user.hasRole(Role.ANALYST)) {
            return "redirect:/results";
        }
        if (user.hasRole(Role.PASSENGER_DATA)) {
            return "redirect:/passenger-data";
        }
        return "redirect:/operations";
    }
}
