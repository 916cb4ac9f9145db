package org.waymark.referral.web;

import java.util.List;

import org.waymark.referral.ReferralPackage;

/**
 * The package taken apart, so that a section's form replaces its own part and leaves the others
 * as they were: a page edits one section, and the service takes the whole package.
 */
final class PackageParts {

    ReferralPackage.Referrer referrer;
    ReferralPackage.Age age;
    ReferralPackage.Account account;
    String indicators;
    ReferralPackage.Places places;
    List<ReferralPackage.Exploitation> exploitation;
    ReferralPackage.OtherVictims otherVictims;
    ReferralPackage.Risk risk;
    ReferralPackage.Crime crime;
    ReferralPackage.Cooperation cooperation;
    ReferralPackage.Subject subject;
    ReferralPackage.DutyToNotify dutyToNotify;
    ReferralPackage.LocalAuthority localAuthority;

    PackageParts(ReferralPackage content) {
        referrer = content.referrer();
        age = content.age();
        account = content.account();
        indicators = content.indicators();
        places = content.places();
        exploitation = content.exploitation();
        otherVictims = content.otherVictims();
        risk = content.risk();
        crime = content.crime();
        cooperation = content.cooperation();
        subject = content.subject();
        dutyToNotify = content.dutyToNotify();
        localAuthority = content.localAuthority();
    }

    ReferralPackage whole() {
        return new ReferralPackage(referrer, age, account, indicators, places, exploitation, otherVictims, risk,
                crime, cooperation, subject, dutyToNotify, localAuthority);
    }
}
