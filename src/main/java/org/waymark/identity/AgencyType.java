package org.waymark.identity;

/** The kind of organisation an agency is. */
public enum AgencyType {
    POLICE(true),
    BORDER_FORCE(true),
    /** Regional organised crime unit. */
    ROCU(true),
    NCA(true),
    /** Sexual Assault Referral Centre. */
    SARC(false),
    CHARITY(false),
    LOCAL_AUTHORITY(true),
    OTHER(false);

    private final boolean firstResponderByDefault;

    AgencyType(boolean firstResponderByDefault) {
        this.firstResponderByDefault = firstResponderByDefault;
    }

    /** Whether agencies of this type are usually First Responder Organisations for the NRM. */
    public boolean firstResponderByDefault() {
        return firstResponderByDefault;
    }
}
