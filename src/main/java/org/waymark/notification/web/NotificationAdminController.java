package org.waymark.notification.web;

import lombok.RequiredArgsConstructor;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.notification.CallOuts;
import org.waymark.notification.MailOutbox;
import org.waymark.shared.PageController;

/** For administrators: whether Waymark emails at all, and what waits for the mail server. */
@PageController
@RequiredArgsConstructor
class NotificationAdminController {

    private final CallOuts callOuts;
    private final MailOutbox outbox;

    @GetMapping("/admin/notifications")
    String show(Model model) {
        model.addAttribute("emailing", callOuts.emailing());
        model.addAttribute("pending", outbox.pending());
        return "admin/notifications";
    }
}
