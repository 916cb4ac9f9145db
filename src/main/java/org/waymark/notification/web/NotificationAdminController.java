package org.waymark.notification.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.notification.CallOuts;
import org.waymark.notification.MailOutbox;
import org.waymark.shared.PageController;

/** For administrators: whether Waymark emails at all, and what waits for the mail server. */
@PageController
class NotificationAdminController {

    private final CallOuts callOuts;
    private final MailOutbox outbox;

    NotificationAdminController(CallOuts callOuts, MailOutbox outbox) {
        this.callOuts = callOuts;
        this.outbox = outbox;
    }

    @GetMapping("/admin/notifications")
    String show(Model model) {
        model.addAttribute("emailing", callOuts.emailing());
        model.addAttribute("pending", outbox.pending());
        return "admin/notifications";
    }
}
