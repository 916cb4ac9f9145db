/**
 * Notifications: a support request emails whoever of the partner agency is on call, an
 * unanswered one is escalated to the next on the rota and the coordinators, a declined one is
 * told to the officer who asked and the coordinators, and every message waits in an outbox
 * until the mail server has taken it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "operation",
        "safeguarding", "flight", "platform" })
package org.waymark.notification;
