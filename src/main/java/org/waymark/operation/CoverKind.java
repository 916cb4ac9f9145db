package org.waymark.operation;

/** The support a partner covers on the rota, as a support request asks for it. */
public enum CoverKind {
    NAVIGATOR,
    SARC,
    INTERPRETER
}
