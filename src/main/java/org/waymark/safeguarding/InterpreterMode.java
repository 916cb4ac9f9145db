package org.waymark.safeguarding;

/** How an interpreter took part in the conversation. */
public enum InterpreterMode {
    IN_PERSON,
    PHONE
}
