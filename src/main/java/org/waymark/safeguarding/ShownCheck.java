package org.waymark.safeguarding;

import java.util.UUID;

/** A check as one user may see it: whole ({@link CheckView}) or as a partner's visit needs it. */
public sealed interface ShownCheck permits CheckView, PartnerCheckView {

    UUID id();

    /** {@code FULL} or {@code PARTNER}. */
    String view();
}
