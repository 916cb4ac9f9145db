package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditQuery;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waymark.identity.AgencySummary;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.waymark.identity.IdentityEvents;
import org.waymark.operation.OperationEvents;
import org.waymark.operation.OperationStatus;
import org.waymark.referral.ReferralEvents;
import org.waymark.retention.RecordClass;
import org.waymark.retention.RetentionEvents;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.OutcomeCorrection;
import org.waymark.safeguarding.SafeguardingEvents;
import org.waymark.shared.Actor;

/**
 * The audit log as an administrator reads it: what happened and to which record in words, who
 * did it by name and agency, never a person's name; filters chosen from lists and dates typed
 * the GOV.UK way; and one entry for each record a page shows, however the page is put together.
 */
class AuditPagesTest extends PageTests {

    private static final String OFFICER = "officer@audit.test";
    private static final String ADMIN = "admin@audit.test";
    private static final String NAVIGATOR = "navigator@audit.test";

    @Autowired
    ApplicationEventPublisher events;

    OperationId operation;
    AgencySummary charity;
    UUID check;
    UUID referral;

    @BeforeAll
    void data() {
        Fixtures.Forces forces = given.forces("audit.test", "Norfolk Police", "Open Doors UK", "Broadland SARC",
                "Devon Police");
        charity = forces.charity();
        operation = given.operation().named("Operation Kestrel").withPartners(charity)
                .plannedBy(principal("coordinator@audit.test"));
        check = given.check(operation, Fixtures.person("Mira Ivanova", Under18.NO), principal(OFFICER));
        given.navigatorAskedFor(check, charity, principal(OFFICER));
        referral = given.nrmReferral(check, Instant.now().minusSeconds(600), principal(OFFICER));
    }

    @Test
    void theLogSaysInWordsWhatWasDoneToWhichRecordAndByWhomNeverThePersonsName() throws Exception {
        page(as(OFFICER, get("/checks/" + check)));
        Document log = page(as(ADMIN, get("/admin/audit").param("action", "CHECK_READ")
                .param("recordType", "ENHANCED_CHECK")));
        List<String> cards = log.select(".govuk-summary-card").eachText().stream()
                .filter(card -> card.contains("Operation Kestrel")).toList();
        assertThat(cards).isNotEmpty().allSatisfy(card -> assertThat(card).contains("Read an enhanced check",
                "Record Enhanced check", "Operation Kestrel: check started", "· Potential victim",
                "Who Olu Officer Norfolk Police"));
        assertThat(log.select("main").text()).doesNotContain("CHECK_READ", "ENHANCED_CHECK", "FULL", "Mira",
                "Ivanova", check.toString());

        Document users = page(as(ADMIN, get("/admin/audit").param("action", "USER_CREATED")));
        assertThat(users.select(".govuk-summary-card").eachText())
                .anyMatch(card -> card.contains("Added a user") && card.contains("Record User account Olu Officer"))
                .noneMatch(card -> card.contains(principal(OFFICER).id().value().toString()));
        assertThat(page(as(ADMIN, get("/admin/audit"))).select(".govuk-summary-card__title").eachText())
                .isNotEmpty().noneMatch(title -> title.matches(".*[A-Z]{2,}_[A-Z_]+.*"));
    }

    @Test
    void theFiltersAreChosenFromListsAndDaysTypedTheGovUkWay() throws Exception {
        Document log = page(as(ADMIN, get("/admin/audit").param("action", "CHECK_READ")));
        assertThat(log.select("select#action option[value=CHECK_READ]").text()).isEqualTo("Read an enhanced check");
        assertThat(log.select("select#action option[selected]").val()).isEqualTo("CHECK_READ");
        assertThat(log.select("select#action option").first().text()).isEqualTo("Any");
        assertThat(log.select("select#recordType option[value=ENHANCED_CHECK]").text()).isEqualTo("Enhanced check");
        assertThat(log.select("select#user option").eachText()).contains("Olu Officer (Norfolk Police)");
        assertThat(log.select("select#agency option").eachText()).contains("Norfolk Police", "Open Doors UK");
        assertThat(log.select("input#from-day, input#from-month, input#from-year, input#to-day")).hasSize(4);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        assertThat(page(as(ADMIN, day(get("/admin/audit").param("action", "CHECK_READ"), "from", today)
                .param("agency", charity.id().value().toString()))).select(".govuk-summary-card").eachText())
                .isNotEmpty().allMatch(card -> card.contains("Open Doors UK"));
        Document tomorrow = page(as(ADMIN, day(get("/admin/audit").param("action", "CHECK_READ"), "from",
                today.plusDays(1))));
        assertThat(tomorrow.select(".govuk-summary-card")).isEmpty();
        assertThat(tomorrow.select("main").text()).contains("No entries match these filters.");

        Document wrong = page(as(ADMIN, get("/admin/audit").param("from.day", "31").param("from.month", "2")
                .param("from.year", "2026").param("to.day", "x")));
        assertThat(wrong.title()).startsWith("Error: Audit log");
        assertThat(wrong.select(".govuk-error-summary a").eachText()).containsExactly(
                "The ‘from’ date must be a real date, for example 27 3 2026",
                "The ‘to’ date must be a real date, for example 27 3 2026");
        assertThat(wrong.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#from-day", "#to-day");
        assertThat(wrong.select("#from-error").text()).contains("The ‘from’ date must be a real date");
        assertThat(wrong.select("input#from-day").val()).isEqualTo("31");
        assertThat(wrong.select(".govuk-summary-card")).isEmpty();

        Document backwards = page(as(ADMIN, day(day(get("/admin/audit"), "from", today), "to", today.minusDays(1))));
        assertThat(backwards.select(".govuk-error-summary a").eachText())
                .containsExactly("The ‘to’ date must be the same as or after the ‘from’ date");
    }

    /**
     * A detail made of codes (a status, a class of record, a decision, outcomes) is in words, as
     * the action is; numbers stay numbers.
     */
    @Test
    void detailsMadeOfCodesAreInWords() throws Exception {
        Actor coordinator = principal("coordinator@audit.test").actor();
        events.publishEvent(new OperationEvents.OperationStatusChanged(operation, OperationStatus.PLANNED,
                OperationStatus.ACTIVE, coordinator));
        events.publishEvent(new RetentionEvents.RecordDisposed(RecordClass.CHECK_WITHOUT_REFERRAL, "ENHANCED_CHECK",
                UUID.randomUUID(), "MASKED"));
        events.publishEvent(new RetentionEvents.RecordsDeleted(RecordClass.ENGAGEMENT, "ENGAGEMENT_TALLY", 1200));
        events.publishEvent(new SafeguardingEvents.OutcomeCorrected(check,
                Set.of(Outcome.NRM_REFERRAL, Outcome.SAFEGUARDING_ADVICE),
                Set.of(Outcome.DUTY_TO_NOTIFY, Outcome.SAFEGUARDING_ADVICE), OutcomeCorrection.NRM_CONSENT_DECLINED,
                principal(OFFICER).actor()));
        events.publishEvent(new ReferralEvents.ReferralDecisionRecorded(referral, "RG POSITIVE",
                principal(OFFICER).actor()));

        Document log = page(as(ADMIN, get("/admin/audit")));

        assertThat(log.select(".govuk-summary-card__title").eachText()).contains(
                "Changed an operation’s status from planned to active",
                "Masked an enhanced check without a referral at the end of its retention period",
                "Deleted 1,200 engagement tallies at the end of their retention period; the counts are kept",
                "Corrected an enhanced check’s outcome: the person did not consent to an NRM referral",
                "Recorded a positive reasonable grounds decision on a referral");
        assertThat(log.select(".govuk-summary-card").eachText()).anyMatch(card -> card.contains(
                "Detail NRM referral, Safeguarding advice given corrected to Duty to Notify, Safeguarding advice given"));
        assertThat(log.select("main .govuk-summary-card").text()).doesNotContain("PLANNED", "ACTIVE",
                "CHECK_WITHOUT_REFERRAL", "ENGAGEMENT", "retention period ended", "NRM_REFERRAL", "RG POSITIVE");
    }

    /** A failed sign-in says so once, in its words, without a tag saying it again. */
    @Test
    void aFailedSignInSaysItFailedOnce() throws Exception {
        events.publishEvent(new IdentityEvents.SignInFailed(null, "nobody@audit.test"));

        Document log = page(as(ADMIN, get("/admin/audit").param("action", "SIGN_IN_FAILED")));

        assertThat(log.select(".govuk-summary-card")).isNotEmpty().allSatisfy(card -> {
            assertThat(card.select(".govuk-summary-card__title").text()).isEqualTo("Failed to sign in");
            assertThat(card.select(".govuk-tag")).isEmpty();
        });
    }

    /** A filter naming an action Waymark does not know is an error, not a choice of the list. */
    @Test
    void anUnknownActionIsAnErrorNotAChoice() throws Exception {
        Document log = page(as(ADMIN, get("/admin/audit").param("action", "NO_SUCH_THING")));

        assertThat(log.title()).startsWith("Error: Audit log");
        assertThat(log.select(".govuk-error-summary a").eachText()).containsExactly("Choose an action from the list");
        assertThat(log.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#action");
        assertThat(log.select("select#action option").eachAttr("value")).doesNotContain("NO_SUCH_THING");
        assertThat(log.select(".govuk-summary-card")).isEmpty();
        assertThat(page(as(ADMIN, get("/admin/audit").param("action", "sign in failed")))
                .select(".govuk-error-summary")).as("words typed in links of old still work").isEmpty();
    }

    /** A page past the last is the last page, not an empty log. */
    @Test
    void aPagePastTheLastIsTheLast() throws Exception {
        String last = mvc.perform(as(ADMIN, get("/admin/audit").param("recordId", check.toString())
                .param("page", "999999999"))).andReturn().getResponse().getRedirectedUrl();

        assertThat(last).contains("recordId=" + check, "page=0");
        assertThat(page(as(ADMIN, get(last))).select(".govuk-summary-card")).isNotEmpty();
    }

    @Test
    void aPartnersRequestsOfOneCheckReadItOnce() throws Exception {
        requests.request(check, charity.id(), SupportKind.INTERPRETER, principal(OFFICER));
        long before = newestId();
        page(as(NAVIGATOR, get("/requests")));
        assertThat(readsSince(before, "CHECK_READ")).as("two requests of one check").hasSize(1);
    }

    @Test
    void aCheckPageViewedOnceIsReadOnce() throws Exception {
        for (String page : List.of("", "/person", "/indicators", "/account", "/advice", "/support", "/outcome",
                "/referral")) {
            long before = newestId();
            page(as(OFFICER, get("/checks/" + check + page)));
            assertThat(readsSince(before, "CHECK_READ")).as("/checks/{id}" + page).hasSize(1);
        }
        long before = newestId();
        page(as(NAVIGATOR, get("/checks/" + check)));
        assertThat(readsSince(before, "CHECK_READ")).as("the partner's view").hasSize(1);
    }

    @Test
    void aReferralPageViewedOnceIsReadOnce() throws Exception {
        for (String page : List.of("", "/package/referrer", "/submission", "/decisions", "/withdrawal")) {
            long before = newestId();
            page(as(OFFICER, get("/referrals/" + referral + page)));
            assertThat(readsSince(before, "REFERRAL_READ")).as("/referrals/{id}" + page).hasSize(1);
        }
    }

    private static MockHttpServletRequestBuilder day(MockHttpServletRequestBuilder request, String field,
            LocalDate day) {
        return request.param(field + ".day", String.valueOf(day.getDayOfMonth()))
                .param(field + ".month", String.valueOf(day.getMonthValue()))
                .param(field + ".year", String.valueOf(day.getYear()));
    }

    private List<AuditEntry> readsSince(long before, String action) {
        return audit.find(new AuditQuery(action, null, null, null), 0, 50).stream()
                .filter(entry -> entry.id() > before).toList();
    }

    private long newestId() {
        List<AuditEntry> newest = audit.find(AuditQuery.all(), 0, 1);
        return newest.isEmpty() ? 0 : newest.get(0).id();
    }
}
