package org.waymark.referral.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sections of the package that a person edits, each with its form. The id is the one the
 * package document gives the section, so that a card's "Change" link and the page agree; the
 * referral's path decides which of them apply.
 */
enum PackageSection {
    REFERRER("referrer", SectionForms.Referrer::new),
    AGE("age", SectionForms.Age::new),
    ACCOUNT("account", SectionForms.Account::new),
    INDICATORS("indicators", SectionForms.Indicators::new),
    PLACES("places", SectionForms.Places::new),
    EXPLOITATION("exploitation", SectionForms.Exploitation::new),
    OTHER_VICTIMS("otherVictims", SectionForms.OtherVictims::new),
    RISK("risk", SectionForms.Risk::new),
    CRIME("crime", SectionForms.Crime::new),
    COOPERATION("cooperation", SectionForms.Cooperation::new),
    SUBJECT("subject", SectionForms.Subject::new),
    DUTY_TO_NOTIFY("dutyToNotify", SectionForms.DutyToNotify::new),
    LOCAL_AUTHORITY("localAuthority", SectionForms.LocalAuthority::new);

    private final String id;
    private final Supplier<SectionForms.SectionForm> blank;

    PackageSection(String id, Supplier<SectionForms.SectionForm> blank) {
        this.id = id;
        this.blank = blank;
    }

    String id() {
        return id;
    }

    /** An empty form, for what was posted to be bound to. */
    SectionForms.SectionForm blankForm() {
        return blank.get();
    }

    static Optional<PackageSection> byId(String id) {
        return Arrays.stream(values()).filter(section -> section.id.equals(id)).findFirst();
    }

    /** The ids of the sections a person edits: not the referral's own facts, nor the consent. */
    static List<String> ids() {
        return Arrays.stream(values()).map(PackageSection::id).toList();
    }
}
