package org.waymark.screening.rules;

import static org.waymark.screening.rules.Criterion.allOf;
import static org.waymark.screening.rules.Criterion.anyOf;
import static org.waymark.screening.rules.Criterion.when;

import java.util.List;

/**
 * The safeguarding rules Waymark ships, each disabled until two people enable it, each serving
 * an indicator of the catalogue. None is evidence on its own: a hit is a reason for a reviewer
 * to look, and perhaps for an officer to offer a conversation.
 */
public final class RuleLibrary {

    private static final String HOME_OFFICE = "Home Office, Modern Slavery: Statutory Guidance for England and"
            + " Wales (under section 49 of the Modern Slavery Act 2015) and Non-Statutory Guidance for Scotland and"
            + " Northern Ireland, its signs that someone may be a victim of modern slavery";
    private static final String ICAO = "ICAO Circular 352, Guidelines for Training Cabin Crew on Identifying and"
            + " Responding to Trafficking in Persons";
    private static final String IATA = "IATA guidance for airlines on human trafficking (the #eyesopen campaign)";

    private RuleLibrary() {
    }

    /**
     * A rule as shipped.
     *
     * @param code stays the same across releases, so the library is added once
     * @param description the reasoning, and the sources of the indicator
     * @param indicator the code of the catalogue's indicator it serves
     * @param priority how soon a reviewer should look at its hits: 1 first
     */
    public record ShippedRule(String code, String title, String description, String indicator, int priority,
            Criterion criteria) {
    }

    public static List<ShippedRule> rules() {
        return List.of(youngAdultAloneOneWayLastMinute(), paidBySomeoneNotTravelling(),
                unrelatedYoungTravellersSharingContact(), minorWithAdultsOfAnotherFamilyName(),
                shortStayPaidByThirdPartyNoBags(), agencyOrPayerSeenInReferrals());
    }

    static ShippedRule youngAdultAloneOneWayLastMinute() {
        return new ShippedRule("young-adult-alone-one-way-last-minute",
                "Young adult alone on a one-way ticket booked days before",
                "Young adults recruited with a job offer abroad are often sent at short notice, alone, on a one-way"
                        + " ticket someone else chose: no return plan, and little time to ask anyone about the offer."
                        + " Each fact is common on its own; together they are a reason to offer a conversation."
                        + " Indicators T13 (one-way ticket, no return plan), T04 (ticket bought last-minute) and"
                        + " T11 (alone). Sources: " + HOME_OFFICE + "; " + ICAO + ".",
                "T13", 2,
                allOf(when(Field.AGE, Operator.BETWEEN, "18", "24"),
                        when(Field.BOOKING_TRAVELLERS, Operator.EQUALS, "1"),
                        when(Field.ONE_WAY, Operator.EQUALS, "YES"),
                        when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "4")));
    }

    static ShippedRule paidBySomeoneNotTravelling() {
        return new ShippedRule("paid-by-someone-not-travelling", "Booking paid for by someone who does not travel",
                "A ticket bought by someone else is how a recruiter or trafficker keeps control of a journey, and"
                        + " of the debt the person is told they owe for it. It is also how parents, partners and"
                        + " employers pay: expect many hits, and back-test it before enabling it, perhaps together"
                        + " with another rule. Indicators T04 (ticket bought by someone else) and T05 (recruiter or"
                        + " companion paid for travel). Sources: " + HOME_OFFICE + "; " + IATA + ".",
                "T04", 4, when(Field.PAYER_TRAVELS, Operator.EQUALS, "NO"));
    }

    static ShippedRule unrelatedYoungTravellersSharingContact() {
        return new ShippedRule("unrelated-young-travellers-sharing-contact",
                "Several unrelated young travellers sharing one phone or email",
                "When young people of different families on one flight all give the same phone number or email,"
                        + " one person probably booked for all of them and is the one the airline would call: a"
                        + " recruiter moving a group is a common pattern of exploitation. It asks for at least two"
                        + " others of another family name. Indicator T05 (recruiter or companion paid for travel and"
                        + " documents). Sources: " + HOME_OFFICE + "; " + ICAO + ".",
                "T05", 1,
                allOf(when(Field.AGE, Operator.LESS, "26"),
                        when(Field.UNRELATED_SHARING_CONTACT, Operator.MORE, "1")));
    }

    static ShippedRule minorWithAdultsOfAnotherFamilyName() {
        return new ShippedRule("minor-with-adults-of-another-family-name",
                "Minor with adults of another family name",
                "A child travelling with adults of another family name may be with step-parents, relatives or"
                        + " a school, or with people who are not family at all. The booking does not record how they"
                        + " are related: that is for the officer to ask, gently, before the flight. Indicator K01"
                        + " (child not with family, or not fitting the group). Sources: " + HOME_OFFICE
                        + "; Department for Education, Working Together to Safeguard Children; " + ICAO + ".",
                "K01", 1,
                allOf(when(Field.MINOR, Operator.EQUALS, "YES"),
                        when(Field.ADULTS_OF_ANOTHER_FAMILY_NAME, Operator.MORE, "0")));
    }

    static ShippedRule shortStayPaidByThirdPartyNoBags() {
        return new ShippedRule("short-stay-paid-by-third-party-no-bags",
                "Short return trip paid for by someone else, with no bags",
                "A return ticket paid for by someone who does not travel, for a stay of a week or less, with no"
                        + " bag checked, fits people moved for sexual exploitation for a short stay and brought back."
                        + " Indicators T10 (little or no luggage) and T04 (ticket bought by someone else). Sources: "
                        + HOME_OFFICE + "; " + IATA + ".",
                "T10", 3,
                allOf(when(Field.ONE_WAY, Operator.EQUALS, "NO"),
                        when(Field.PAYER_TRAVELS, Operator.EQUALS, "NO"),
                        when(Field.STAY_DAYS, Operator.LESS, "8"),
                        when(Field.BAGS, Operator.EQUALS, "0")));
    }

    static ShippedRule agencyOrPayerSeenInReferrals() {
        return new ShippedRule("agency-or-payer-seen-in-referrals",
                "Travel agency or payer seen before in checks that led to an NRM referral",
                "A travel agency or a payer that booked for someone who was checked after a hit and then referred"
                        + " to the National Referral Mechanism may be booking for others in the same way. The"
                        + " group of such agencies and payers is worked out by Waymark from the outcomes of reviews."
                        + " Indicator T05 (recruiter or companion paid for travel and documents). Sources: "
                        + HOME_OFFICE + ".",
                "T05", 1,
                anyOf(when(Field.TRAVEL_AGENCY, Operator.MEMBER_OF, DefaultGroups.SEEN_IN_REFERRALS),
                        when(Field.PAYER_NAME, Operator.MEMBER_OF, DefaultGroups.SEEN_IN_REFERRALS)));
    }
}
