package org.waymark.safeguarding;

/** How far a support request has come. Each step keeps its time, for the response times. */
public enum SupportStatus {
    /** Asked for; nobody at the partner agency has answered yet. */
    REQUESTED,
    /** Someone at the partner agency has seen it and is coming or calling. */
    ACKNOWLEDGED,
    /** The navigator, SARC worker or interpreter is with the person. */
    ARRIVED,
    /** The support at the port is over. */
    ENDED,
    /** The partner agency cannot come, and said why; the agency may be asked again. */
    DECLINED
}
