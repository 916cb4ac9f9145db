package org.waymark.safeguarding;

/**
 * Whether Waymark emails the partners it calls out, so that a request's confirmation says who
 * was emailed and never claims an email that was not sent. The notification module, which sends
 * the emails, knows; without it nobody is emailed.
 */
public interface CallOutMail {

    boolean emailing();
}
