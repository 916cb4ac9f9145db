package org.waymark.passengerdata.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.shared.PageController;
import org.waymark.shared.UnprocessableException;

/**
 * The messages taken in, by status (the failed queue first), for those with the passenger data
 * role and administrators: when each came, from where, why it failed and where in it; and a
 * replay that reads a failed one again. Nothing of a traveller is shown.
 */
@PageController
@RequestMapping("/passenger-data/messages")
@RequiredArgsConstructor
class MessageQueueController {

    private final PassengerDataIntake intake;

    @GetMapping
    String list(@RequestParam(required = false) MessageStatus status, @AuthenticationPrincipal WaymarkUser user,
            Model model) {
        MessageStatus shown = status == null ? MessageStatus.FAILED : status;
        mayManage(user);
        model.addAttribute("messages", intake.list(shown, user));
        model.addAttribute("status", shown);
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("max", PassengerDataIntake.MAX_LIST);
        model.addAttribute("seesFlights", user.hasRole(Role.PASSENGER_DATA));
        return "passengerdata/messages";
    }

    @PostMapping("/{id}/replay")
    String replay(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        mayManage(user);
        try {
            Receipt receipt = intake.replay(id, user);
            redirect.addFlashAttribute("replayed", receipt);
        } catch (UnprocessableException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/passenger-data/messages?status=FAILED";
    }

    /** A gateway sees its own receipts through the API; these pages are for those who look after the intake. */
    private static void mayManage(WaymarkUser user) {
        if (!user.hasRole(Role.PASSENGER_DATA) && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException(
                    "the message queue is for those who manage passenger data");
        }
    }
}
