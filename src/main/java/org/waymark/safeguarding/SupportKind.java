package org.waymark.safeguarding;

/** The help a check asks a partner agency for. */
public enum SupportKind {
    NAVIGATOR,
    SARC,
    INTERPRETER
}
