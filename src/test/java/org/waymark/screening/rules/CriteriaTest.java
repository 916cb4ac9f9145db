package org.waymark.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waymark.screening.rules.Criterion.allOf;
import static org.waymark.screening.rules.Criterion.anyOf;
import static org.waymark.screening.rules.Criterion.not;
import static org.waymark.screening.rules.Criterion.when;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.waymark.screening.rules.Criteria.Problem;

class CriteriaTest {

    private static final MessageSource MESSAGES = APassenger.messages();

    private final Groups groups = DefaultGroups.groups();

    private List<String> problems(Criterion criteria) {
        return Criteria.problems(criteria, groups).stream()
                .map(problem -> problem.path() + ": " + MESSAGES.getMessage(problem.messageCode(), null, Locale.UK))
                .toList();
    }

    @Test
    void aRuleThatFitsItsFieldsHasNoProblems() {
        assertThat(problems(allOf(when(Field.AGE, Operator.BETWEEN, "18", "24"),
                when(Field.NATIONALITY, Operator.IN, "mda", "ROU"), when(Field.PAYER_TRAVELS, Operator.EQUALS, "no"),
                not(when(Field.TRAVEL_AGENCY, Operator.IS_EMPTY)),
                anyOf(when(Field.NATIONALITY, Operator.MEMBER_OF, "focus-countries"),
                        when(Field.ROUTE, Operator.STARTS, "LTN-"))))).isEmpty();
        RuleLibrary.rules().forEach(rule -> assertThat(problems(rule.criteria())).as(rule.code()).isEmpty());
    }

    @Test
    void saysWhatIsWrongAndWhere() {
        assertThat(problems(allOf(when(Field.AGE, Operator.LESS, "three"), when(Field.AGE, Operator.BETWEEN, "18"),
                when(Field.AGE, Operator.BETWEEN, "24", "18"), when(Field.AGE, Operator.STARTS, "1"),
                when(Field.NATIONALITY, Operator.MEMBER_OF, "no-such-group"),
                when(Field.NATIONALITY, Operator.EQUALS, "MD"), when(Field.PAYER_TRAVELS, Operator.EQUALS, "maybe"),
                when(Field.TRAVEL_AGENCY, Operator.IN), when(Field.TRAVEL_AGENCY, Operator.EQUALS, " "),
                when(Field.BAGS, Operator.IS_EMPTY, "0"), when(Field.AGE, Operator.EQUALS, "1", "2"),
                when(Field.TRAVEL_AGENCY, Operator.CONTAINS, "a\u0000b"),
                when(Field.DEPARTURE_WEEKDAY, Operator.EQUALS, "FRI"), new Criterion.AnyOf(List.of()),
                when(Field.PAYER_NAME, Operator.CONTAINS, "--"))))
                .containsExactly(
                        "criteria.all.0.values: Enter a whole number, such as 3",
                        "criteria.all.1.values: Enter two whole numbers: from and to",
                        "criteria.all.2.values: The first number must not be more than the second",
                        "criteria.all.3.operator: This comparison does not apply to this field",
                        "criteria.all.4.values: Choose a group that exists",
                        "criteria.all.5.values: Enter a country by its three-letter code, such as MDA",
                        "criteria.all.6.values: Enter YES or NO",
                        "criteria.all.7.values: Enter at least one value",
                        "criteria.all.8.values: Enter a value",
                        "criteria.all.9.values: Is not given takes no value",
                        "criteria.all.10.values: Enter one value",
                        "criteria.all.11.values: A value cannot hold control characters",
                        "criteria.all.12.values: Enter a day of the week, such as FRIDAY",
                        "criteria.all.13.any: Add at least one condition",
                        "criteria.all.14.values: Enter a value with letters or digits");
    }

    @Test
    void refusesTreesTooBigToRead() {
        Criterion deep = when(Field.AGE, Operator.LESS, "18");
        for (int i = 0; i < Criteria.MAX_DEPTH; i++) {
            deep = not(deep);
        }
        assertThat(problems(deep)).containsExactly(
                "criteria.not.not.not.not.not.not.not.not: Conditions can be grouped at most 8 levels deep");
        Criterion[] many = new Criterion[Criteria.MAX_CONDITIONS + 1];
        java.util.Arrays.fill(many, when(Field.AGE, Operator.LESS, "18"));
        assertThat(problems(allOf(many))).containsExactly("criteria: A rule can hold at most 60 conditions");
        assertThat(problems(when(Field.TRAVEL_AGENCY, Operator.EQUALS, "x".repeat(201))))
                .containsExactly("criteria.values: A value can be at most 200 characters");
        assertThat(problems(new Criterion.Condition(Field.FLIGHT_NUMBER, Operator.IN,
                java.util.Collections.nCopies(Criteria.MAX_VALUES + 1, "FB1234"))))
                .containsExactly("criteria.values: A condition can list at most 500 values: put more in a group");
    }

    @Test
    void validateThrowsWithEveryProblem() {
        assertThatThrownBy(() -> Criteria.validate(allOf(when(Field.AGE, Operator.LESS, "x"),
                when(Field.BAGS, Operator.MORE, "y")), groups))
                .isInstanceOfSatisfying(InvalidCriteriaException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::path)
                            .containsExactly("criteria.all.0.values", "criteria.all.1.values");
                    assertThat(e.fields()).containsEntry("criteria.all.0.values", "screening.rules.problem.notNumber");
                });
    }

    @Test
    void aTreeComesBackFromItsJsonUnchanged() {
        Criterion criteria = allOf(when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "4"),
                anyOf(when(Field.NATIONALITY, Operator.MEMBER_OF, "focus-countries"),
                        not(when(Field.TRAVEL_AGENCY, Operator.IS_EMPTY))),
                when(Field.AGE, Operator.BETWEEN, "18", "24"), when(Field.PAYER_NAME, Operator.EQUALS, "Ana \"Mia\" O’Neill"));

        String json = Criteria.toJson(criteria);

        assertThat(json).startsWith("{\"all\":[{\"field\":\"BOOKING_DAYS_BEFORE\",\"operator\":\"LESS\",\"values\":[\"4\"]}");
        assertThat(Criteria.fromJson(json)).isEqualTo(criteria);
        for (RuleLibrary.ShippedRule rule : RuleLibrary.rules()) {
            assertThat(Criteria.fromJson(Criteria.toJson(rule.criteria()))).isEqualTo(rule.criteria());
        }
    }

    @Test
    void readsJsonAsPeopleWriteIt() {
        assertThat(Criteria.fromJson("""
                {"any": [{"field": "bags", "operator": "equals", "values": [0]},
                         {"field": "ONE_WAY", "operator": "EQUALS", "values": [true]},
                         {"field": "TRAVEL_AGENCY", "operator": "IS_EMPTY"}]}"""))
                .isEqualTo(anyOf(when(Field.BAGS, Operator.EQUALS, "0"), when(Field.ONE_WAY, Operator.EQUALS, "YES"),
                        when(Field.TRAVEL_AGENCY, Operator.IS_EMPTY)));
    }

    @Test
    void badJsonIsRefusedWithWhereAndWhy() {
        assertThat(jsonProblems("{\"all\": [")).containsExactly("criteria: The criteria are not JSON");
        assertThat(jsonProblems("")).containsExactly("criteria: The criteria are not JSON");
        assertThat(jsonProblems("[]")).containsExactly(
                "criteria: Each criterion must be an object with all, any, not, or field, operator and values");
        assertThat(jsonProblems("{\"all\": {}}")).containsExactly("criteria.all: This must be a list");
        assertThat(jsonProblems("{\"all\": [{\"field\": \"SHOE_SIZE\", \"operator\": \"NEAR\", \"values\": [{}]}]}"))
                .containsExactly("criteria.all.0.field: Choose a field that exists",
                        "criteria.all.0.operator: Choose a comparison that exists",
                        "criteria.all.0.values: Each value must be text");
        assertThat(jsonProblems("{\"not\": 3}")).containsExactly(
                "criteria.not: Each criterion must be an object with all, any, not, or field, operator and values");
        assertThat(jsonProblems("{\"all\": [], \"not\": {}}")).containsExactly(
                "criteria: Each criterion must be an object with all, any, not, or field, operator and values");
        assertThat(jsonProblems("{\"field\": \"AGE\", \"operator\": \"LESS\", \"values\": \"18\"}"))
                .containsExactly("criteria.values: This must be a list");
        assertThat(jsonProblems("{\"not\":".repeat(50) + "{}" + "}".repeat(50))).hasSize(1);
    }

    private List<String> jsonProblems(String json) {
        try {
            Criteria.fromJson(json);
            return List.of();
        } catch (InvalidCriteriaException e) {
            return e.problems().stream()
                    .map(problem -> problem.path() + ": " + MESSAGES.getMessage(problem.messageCode(), null, Locale.UK))
                    .toList();
        }
    }

    @Test
    void aFormOffersTheComparisonsThatApplyToEachField() {
        assertThat(Field.AGE.operators()).containsExactly(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN,
                Operator.NOT_IN, Operator.LESS, Operator.MORE, Operator.BETWEEN, Operator.IS_EMPTY);
        assertThat(Field.PAYER_TRAVELS.operators()).containsExactly(Operator.EQUALS, Operator.NOT_EQUALS,
                Operator.IS_EMPTY);
        assertThat(Field.NATIONALITY.operators()).contains(Operator.MEMBER_OF, Operator.STARTS)
                .doesNotContain(Operator.LESS);
    }

    @Test
    void aRuleReadsInWordsOnItsPage() {
        assertThat(RuleWords.describe(RuleLibrary.youngAdultAloneOneWayLastMinute().criteria(), groups, MESSAGES))
                .isEqualTo("all of (age: 18 to 24 years; travellers on the booking: 1 person; one-way ticket;"
                        + " days booked before departure: less than 4 days)");
        assertThat(RuleWords.describe(anyOf(when(Field.NATIONALITY, Operator.MEMBER_OF, "focus-countries"),
                not(when(Field.PAYER_TRAVELS, Operator.NOT_EQUALS, "YES")), when(Field.BAGS, Operator.IS_EMPTY),
                when(Field.ITINERARY_AIRPORTS, Operator.IN, "IST", "SAW"),
                when(Field.NATIONALITY, Operator.NOT_IN, "gbr", "IRL")), groups, MESSAGES))
                .isEqualTo("any of (nationality: in focus countries; not (payer does not travel); bags checked: empty;"
                        + " airport of the itinerary: one of IST, SAW, for any one of them;"
                        + " nationality: none of United Kingdom, Ireland)");
        assertThat(RuleWords.describe(when(Field.ITINERARY_AIRPORTS, Operator.NOT_IN, "IST"), groups, MESSAGES))
                .isEqualTo("airport of the itinerary: none of IST, for each of them");
        assertThat(RuleWords.describe(when(Field.AGE, Operator.BETWEEN, "18"), groups, MESSAGES))
                .as("even a rule with mistakes reads").isEqualTo("age: is between, both included 18");
    }

    @Test
    void namesTheGroupsItUses() {
        assertThat(Criteria.groupsNamed(RuleLibrary.agencyOrPayerSeenInReferrals().criteria()))
                .containsExactly(DefaultGroups.SEEN_IN_REFERRALS);
    }
}
