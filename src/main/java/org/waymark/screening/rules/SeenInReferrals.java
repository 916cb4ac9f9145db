package org.waymark.screening.rules;

import java.util.Set;

/**
 * The travel agencies and payers of bookings whose passengers were checked and then referred
 * to the National Referral Mechanism: the members of the computed group
 * {@value DefaultGroups#SEEN_IN_REFERRALS}. Review outcomes give them.
 */
public interface SeenInReferrals {

    /** The agencies' and payers' names, as the bookings gave them. */
    Set<String> agenciesAndPayers();
}
