package org.waymark.screening.rules;

import java.util.List;
import java.util.Set;

/**
 * The groups Waymark ships, which the shipped rules name. People change their members; each
 * description says where the members come from.
 */
public final class DefaultGroups {

    public static final String FOCUS_COUNTRIES = "focus-countries";
    public static final String SEXUAL_EXPLOITATION_SOURCE_COUNTRIES = "sexual-exploitation-source-countries";
    public static final String SEEN_IN_REFERRALS = "agencies-and-payers-seen-in-referrals";

    private DefaultGroups() {
    }

    public static Group focusCountries() {
        return new Group(FOCUS_COUNTRIES, "focus countries",
                "The countries the current operations focus on, by the three-letter codes passenger data gives:"
                        + " Bulgaria, Moldova and Turkey to start with. Change them to the operation's focus.",
                Set.of("BGR", "MDA", "TUR"), false);
    }

    public static Group sexualExploitationSourceCountries() {
        return new Group(SEXUAL_EXPLOITATION_SOURCE_COUNTRIES, "source countries for sexual exploitation",
                "Nationalities most often referred for sexual exploitation in the Home Office's statistics,"
                        + " Modern Slavery: National Referral Mechanism and Duty to Notify statistics UK"
                        + " (published each quarter on GOV.UK). A starting list: check it against the latest"
                        + " statistics before enabling a rule that names it.",
                Set.of("ALB", "ROU", "VNM", "NGA", "CHN", "ERI", "SDN", "BGR", "HUN", "POL"), false);
    }

    /**
     * Agencies and payers of bookings whose passengers were checked and then referred to the
     * National Referral Mechanism. Its members are worked out from review outcomes by
     * {@link SeenInReferrals}; here it is empty.
     */
    public static Group seenInReferrals() {
        return new Group(SEEN_IN_REFERRALS, "agencies and payers seen in checks that led to an NRM referral",
                "Worked out by Waymark: the travel agencies and payers of the bookings of people who were"
                        + " checked after a hit and then referred to the National Referral Mechanism. Nobody"
                        + " writes its members.",
                Set.of(), true);
    }

    /** Every shipped group. */
    public static List<Group> all() {
        return List.of(focusCountries(), sexualExploitationSourceCountries(), seenInReferrals());
    }

    /** The shipped groups, with the computed group's members as they stand now. */
    public static Groups with(SeenInReferrals seen) {
        Group computed = seenInReferrals();
        return new InMemoryGroups(focusCountries(), sexualExploitationSourceCountries(), new Group(computed.code(),
                computed.name(), computed.description(), seen.agenciesAndPayers(), true));
    }

    /** The shipped groups as they are shipped. */
    public static Groups groups() {
        return new InMemoryGroups(all());
    }
}
