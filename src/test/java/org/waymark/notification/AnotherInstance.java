package org.waymark.notification;

import java.time.Clock;

import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Another instance of Waymark on the same database and mail server as the test's application,
 * or the same one after a restart: its jobs run only when the test runs them.
 */
final class AnotherInstance {

    private AnotherInstance() {
    }

    /** Its outbox: the application's table of mail, mail sender, events and clock, in an outbox of its own. */
    static MailOutbox outbox(ApplicationContext application) {
        return new MailOutbox(application.getBean(OutboundMailRepository.class),
                application.getBeanProvider(JavaMailSender.class), application, application.getBean(Clock.class),
                "waymark@localhost");
    }
}
