package org.waymark.referral;

import java.time.Instant;
import java.util.Locale;

import org.waymark.shared.LanguageCode;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

/**
 * An adult's answer to the NRM, as its own record: who explained the NRM (its decisions, the
 * support and the privacy notice), in which language (ISO 639-1), whether through an
 * interpreter, when, and the answer. It is not the lawful basis for police processing.
 */
public record Consent(Boolean given, String explainedBy, String language, Boolean interpreterUsed, Instant at) {

    public Consent {
        explainedBy = PlainText.typed(explainedBy);
        language = PlainText.typed(language).toLowerCase(Locale.ROOT);
        if (given == null) {
            throw new UnprocessableException("referral.consent.given.required", "consent.given");
        }
        if (explainedBy == null) {
            throw new RuleViolationException("referral.consent.explainedBy.required", "consent.explainedBy");
        }
        PlainText.check(explainedBy, 120, "referral.line.tooLong", "consent.explainedBy");
        if (language == null || !LanguageCode.isValid(language)) {
            throw new RuleViolationException("referral.consent.language.required", "consent.language");
        }
        if (interpreterUsed == null) {
            throw new RuleViolationException("referral.consent.interpreterUsed.required", "consent.interpreterUsed");
        }
        if (at == null) {
            throw new RuleViolationException("referral.consent.at.required", "consent.at");
        }
    }
}
