package org.waymark.safeguarding;

/** Advice and support given to the person during the check. */
public enum AdviceKind {
    LEAFLET,
    HELPLINE,
    SAFE_CONTACT,
    ACCOMMODATION,
    MEDICAL_CARE,
    SARC_REFERRAL,
    NAVIGATOR_INTRODUCED,
    INTERPRETER,
    OTHER
}
