package org.waymark.referral;

import java.util.List;
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

    private Prefill() {
    }

    static ReferralPackage from(CheckView check, Referral.Path path, WaymarkUser user, String agencyName,
            ReferralPackage.LocalAuthority localAuthority) {
        Person person = check.person();
        String nationality = person.nationality() == null ? null : person.nationality().value();
        String interpreter = person.interpreterLanguage() == null ? null : person.interpreterLanguage().value();
        return new ReferralPackage(
                new ReferralPackage.Referrer(user.name(), null, agencyName, user.email(), null),
                new ReferralPackage.Age(person.under18(), person.dateOfBirth(), person.age()),
                new ReferralPackage.Account(check.account(), null, null, null, null, null),
                indicators(check),
                new ReferralPackage.Places(person.finalDestination() == null ? List.of()
                        : List.of(person.finalDestination()), List.of()),
                check.suspectedTypes().stream().sorted()
                        .map(type -> new ReferralPackage.Exploitation(type, null, null)).toList(),
                null, null, null, null,
                path.kind() == ReferralKind.NRM || path.named() ? new ReferralPackage.Subject(person.name(),
                        person.dateOfBirth(), person.gender(), nationality, interpreter, null, null, null, null) : null,
                new ReferralPackage.DutyToNotify(person.gender(), nationality, null),
                localAuthority);
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
