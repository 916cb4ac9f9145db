package org.waymark.referral;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.IndicatorBasis;
import org.waymark.safeguarding.Person;

/**
 * The package filled from what the enhanced check already holds, so that nothing is typed
 * twice: the referrer, the age, the person's account, the indicators as a narrative, the
 * suspected exploitation, the stated destination, and the person's details, which an anonymous
 * Duty to Notify leaves out. It is then shaped for the path.
 */
final class Prefill {

    static final String NAME_WITHHELD = "[name withheld]";

    private Prefill() {
    }

    static ReferralPackage from(CheckView check, Referral.Path path, WaymarkUser user, String agencyName,
            ReferralPackage.LocalAuthority localAuthority) {
        Person person = check.person();
        boolean named = path.kind() == ReferralKind.NRM || path.named();
        String nationality = person.nationality() == null ? null : person.nationality().value();
        String interpreter = person.interpreterLanguage() == null ? null : person.interpreterLanguage().value();
        // An anonymous report keeps no date of birth, age or address, and the name is withheld from copied text.
        String withheld = named ? null : person.name();
        return new ReferralPackage(
                new ReferralPackage.Referrer(line(user.name()), null, line(agencyName), line(user.email()), null),
                named ? new ReferralPackage.Age(person.under18(), person.dateOfBirth(), person.age())
                        : new ReferralPackage.Age(person.under18(), null, null),
                new ReferralPackage.Account(narrative(check.account(), withheld), null, null, null, null, null),
                narrative(indicators(check), withheld),
                new ReferralPackage.Places(!named || person.finalDestination() == null ? List.of()
                        : List.of(person.finalDestination()), List.of()),
                check.suspectedTypes().stream().sorted()
                        .map(type -> new ReferralPackage.Exploitation(type, null, null)).toList(),
                null, null, null, null,
                path.kind() == ReferralKind.NRM ? new ReferralPackage.Subject(person.name(), person.dateOfBirth(),
                        person.gender(), nationality, interpreter, null, null, null, null)
                        : named ? new ReferralPackage.Subject(person.name(), null, null, null, null, null, null, null,
                                null) : null,
                new ReferralPackage.DutyToNotify(person.gender(), nationality, null),
                localAuthority);
    }

    /**
     * Copied text, cut to what the form takes (the officer sees the cut and can shorten it),
     * and with the name withheld where the report is anonymous.
     */
    private static String narrative(String text, String withheld) {
        if (text == null) {
            return null;
        }
        String copied = withheld == null || withheld.isBlank() ? text
                : Pattern.compile(Pattern.quote(withheld), Pattern.CASE_INSENSITIVE).matcher(text)
                        .replaceAll(Matcher.quoteReplacement(NAME_WITHHELD));
        return copied.length() <= ReferralPackage.MAX_NARRATIVE ? copied
                : copied.substring(0, ReferralPackage.MAX_NARRATIVE - 1) + "…";
    }

    private static String line(String text) {
        return text == null || text.length() <= ReferralPackage.MAX_LINE ? text : null;
    }

    /** One line per indicator: code, wording, basis and the officer's note. */
    private static String indicators(CheckView check) {
        return check.indicators().stream().map(found -> found.indicator().code() + " "
                + found.indicator().text() + " (" + basis(found.basis())
                + (found.note() == null ? ")" : "): " + found.note()))
                .collect(Collectors.joining("\n"));
    }

    private static String basis(IndicatorBasis basis) {
        return switch (basis) {
            case OBSERVED -> "observed";
            case DISCLOSED -> "disclosed by the person";
            case THIRD_PARTY -> "reported by someone else";
        };
    }
}
