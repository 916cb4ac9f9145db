package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencySummary;
import org.waymark.operation.ExploitationType;
import org.waymark.referral.Answer;
import org.waymark.referral.Consent;
import org.waymark.referral.ReferralPackage;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.Referrals;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;

/**
 * The referral pages as their users see them: the consent step and the child's form without
 * JavaScript, a Duty to Notify that never shows the person's name, the package edited section by
 * section, submission and the reasonable grounds decision's due date, the coordinator's list, the
 * partner's part, and every role against every page. The clock is the test's own, starting on
 * Wednesday 26 August 2026: the Monday after is a bank holiday.
 */
class ReferralPagesTest extends PageTests {

    /** 10:00 in London on Wednesday 26 August 2026. */
    static final Instant START = Instant.parse("2026-08-26T09:00:00Z");

    private static final String COORDINATOR = "coordinator@referrals.test";
    private static final String OFFICER = "officer@referrals.test";
    private static final String ANALYST = "analyst@referrals.test";
    private static final String NAVIGATOR = "navigator@referrals.test";
    private static final String SARC = "sarc@referrals.test";
    private static final String OTHER_FORCE = "officer@elsewhere-referrals.test";
    private static final String ADMIN = "admin@referrals.test";

    /** A clock the test moves; every service reads the time from it. */
    static final class MovableClock extends Clock {

        private volatile Instant now = START;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class Time {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;
    @Autowired
    Referrals referrals;

    /** The people of another force, whose operation's referrals owed no other test touches. */
    private static final String OWING_COORDINATOR = "coordinator@owed.referrals.test";
    private static final String OWING_OFFICER = "officer@owed.referrals.test";
    private static final String OWING_NAVIGATOR = "navigator@owed.referrals.test";

    OperationId operation;
    AgencySummary charity;
    OperationId owing;

    @BeforeAll
    void data() {
        Fixtures.Forces forces = given.forces("referrals.test", "Essex Police", "Justice and Care",
                "Chelmsford SARC", "Norfolk Police");
        charity = forces.charity();
        operation = given.operation().named("Summer action: Stansted Airport")
                .between(LocalDate.of(2026, 8, 24), LocalDate.of(2026, 8, 28)).on(ExploitationType.LABOUR)
                .withPartners(charity, forces.sarc()).plannedBy(principal(COORDINATOR));
        Fixtures.Forces owingForces = given.forces("owed.referrals.test", "Bedfordshire Police", "Hope for Justice",
                "Luton SARC", "Cambridgeshire Police");
        owing = given.operation().named("Summer action: Luton Airport").at("LTN")
                .between(LocalDate.of(2026, 8, 24), LocalDate.of(2026, 8, 28)).on(ExploitationType.LABOUR)
                .withPartners(owingForces.charity()).plannedBy(principal(OWING_COORDINATOR));
    }

    @BeforeEach
    void startOfTheDay() {
        clock.set(START);
    }

    @Test
    void anAdultWhoConsentsIsReferredToTheNrm() throws Exception {
        UUID check = startCheck(Under18.NO);
        assertThat(page(as(OFFICER, get("/checks/" + check))).select("#referral a").attr("href"))
                .isEqualTo("/checks/" + check + "/referral");
        Document form = page(as(OFFICER, get("/checks/" + check + "/referral")));
        assertThat(form.select("h1").text()).isEqualTo("NRM referral or Duty to Notify");
        assertThat(form.select("input#explainedBy").val()).isEqualTo("Olu Officer");
        assertThat(form.select("input#consentTime").val()).isEqualTo("10:00");
        assertThat(form.select("input#consentDate-day").val()).isEqualTo("26");
        assertThat(form.select("fieldset:has(input[name=named]) legend").text())
                .isEqualTo("Has the person agreed to be named?");

        MvcResult started = mvc.perform(as(OFFICER, post("/checks/" + check + "/referral").with(csrf())
                .param("explainedBy", "Olu Officer, PC 1234").param("language", "bg")
                .param("interpreterUsed", "true").param("consentDate.day", "26").param("consentDate.month", "8")
                .param("consentDate.year", "2026").param("consentTime", "09:30").param("consents", "true")))
                .andReturn();
        String referral = started.getResponse().getRedirectedUrl();
        assertThat(referral).matches("/referrals/[0-9a-f-]{36}");

        Document page = page(as(OFFICER, get(referral)).flashAttrs(started.getFlashMap()));
        assertThat(page.select("h1").text()).isEqualTo("NRM referral");
        assertThat(page.select(".govuk-notification-banner").text()).contains("NRM referral started");
        assertThat(page.select("#summary").text()).contains("Draft", "An adult who consents to an NRM referral");
        assertThat(page.select("#consent").text()).contains("Olu Officer, PC 1234", "Bulgarian", "Yes",
                "26 August 2026, 09:30", "Consents to an NRM referral");
        assertThat(page.select("#missing a").eachAttr("href"))
                .contains(referral + "/package/indicators#indicators", referral + "/package/account#background");
        assertThat(page.select("#referrer .govuk-summary-card__actions a").attr("href"))
                .isEqualTo(referral + "/package/referrer");
        assertThat(page.select("#referrer textarea[readonly]").text()).startsWith("Referrer and organisation")
                .contains("Name: Olu Officer");
        assertThat(page.select("#referrer button[data-copy-from=copy-text-referrer]")).hasSize(1);
        assertThat(page.select("#withdrawal a").text()).isEqualTo("Record that consent was withdrawn");

        Document again = page(as(OFFICER, get("/checks/" + check + "/referral")));
        assertThat(again.select("#referrals a").eachAttr("href")).containsExactly(referral);
        assertThat(again.select("form[action$=/referral]")).isEmpty();
    }

    @Test
    void theChildFormNeedsTheLocalAuthority() throws Exception {
        UUID check = startCheck(Under18.NOT_SURE);
        Document form = page(as(OFFICER, get("/checks/" + check + "/referral")));
        assertThat(form.select("#child-rule").text()).contains("referred to the NRM without their consent");
        assertThat(form.select("input[name=consents]")).isEmpty();

        Document refused = page(as(OFFICER, post("/checks/" + check + "/referral").with(csrf())
                .param("localAuthorityContact", "Duty desk, 0333 013 8000")));
        assertThat(refused.title()).startsWith("Error: ");
        assertThat(refused.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter the local authority told about the child");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#localAuthorityName");
        assertThat(refused.select("#localAuthorityName-error")).hasSize(1);
        assertThat(refused.select("input#localAuthorityContact").val()).isEqualTo("Duty desk, 0333 013 8000");

        MvcResult started = mvc.perform(as(OFFICER, post("/checks/" + check + "/referral").with(csrf())
                .param("localAuthorityName", "Essex County Council")
                .param("localAuthorityContact", "Duty desk, 0333 013 8000"))).andReturn();
        Document page = page(as(OFFICER, get(started.getResponse().getRedirectedUrl())));
        assertThat(page.select("#summary").text()).contains("A child: referred without consent");
        assertThat(page.select("#localAuthority").text()).contains("Essex County Council");
        assertThat(page.select("#consent")).isEmpty();
    }

    @Test
    void anAnonymousDutyToNotifyNeverShowsThePersonsName() throws Exception {
        UUID check = startCheck(Under18.NO);
        checks.describe(check, Person.typed("Elena Petrova", false, 31, null, Under18.NO, Gender.FEMALE, "BG",
                List.of("bg"), null, null, null, null, null), principal(OFFICER));

        Document notNamed = page(as(OFFICER, consent(check, false).with(csrf())));
        assertThat(notNamed.select(".govuk-error-summary a").eachText())
                .containsExactly("Say whether the person has agreed to be named in the Duty to Notify");
        assertThat(notNamed.select(".govuk-error-summary a").attr("href")).isEqualTo("#named");

        MvcResult started = mvc.perform(as(OFFICER, consent(check, false).param("named", "false").with(csrf())))
                .andReturn();
        String referral = started.getResponse().getRedirectedUrl();
        Document page = page(as(OFFICER, get(referral)));
        assertThat(page.select("h1").text()).isEqualTo("Duty to Notify");
        assertThat(page.select("#summary").text()).contains("anonymous");
        assertThat(page.select("#dutyToNotify").text()).contains("Female", "Bulgaria (BG)");
        assertThat(page.select("#subject")).isEmpty();
        assertThat(page.html()).doesNotContain("Elena", "Petrova");

        Document print = page(as(OFFICER, get(referral + "/print")));
        assertThat(print.select("h1").text()).isEqualTo("Duty to Notify package");
        assertThat(print.select("header, nav, footer")).isEmpty();
        assertThat(print.select("link[href=/css/print.css]")).hasSize(1);
        assertThat(print.html()).doesNotContain("Elena", "Petrova");
        assertThat(audit.find(new AuditQuery("REFERRAL_READ", "REFERRAL", referral.substring("/referrals/".length()),
                null), 0, 20)).extracting(AuditEntry::detail).contains("FULL", "PRINT_VIEW");
        assertThat(status(as(OFFICER, get(referral + "/package/subject")))).isEqualTo(404);
    }

    @Test
    void aSectionOver15000CharactersIsRefusedWithTheErrorSummary() throws Exception {
        UUID referral = nrmReferral(startCheck(Under18.NO));
        Document form = page(as(OFFICER, get("/referrals/" + referral + "/package/account")));
        assertThat(form.select("h1").text()).isEqualTo("The person’s account");
        assertThat(form.select("textarea")).hasSize(6);

        Document tooLong = page(as(OFFICER, post("/referrals/" + referral + "/package/account").with(csrf())
                .param("background", "a".repeat(15_001)).param("journey", "By coach from Sofia")));
        assertThat(tooLong.title()).startsWith("Error: The person’s account");
        assertThat(tooLong.select(".govuk-error-summary a").eachText())
                .containsExactly("Background must be 15,000 characters or fewer");
        assertThat(tooLong.select(".govuk-error-summary a").attr("href")).isEqualTo("#background");
        assertThat(tooLong.select("textarea#journey").text()).isEqualTo("By coach from Sofia");

        Document pasted = page(as(OFFICER, post("/referrals/" + referral + "/package/account").with(csrf())
                .param("background", "Grew up in Varna\u0007").param("journey", "By coach from Sofia")));
        assertThat(pasted.select(".govuk-error-summary a").attr("href")).isEqualTo("#background");
        assertThat(pasted.select("textarea#background").text()).isEqualTo("Grew up in Varna");

        Document longReference = page(as(OFFICER, post("/referrals/" + referral + "/package/crime").with(csrf())
                .param("answer", "YES").param("details", "7".repeat(255))));
        assertThat(longReference.select(".govuk-error-summary a").eachText())
                .containsExactly("This answer must be 254 characters or fewer");
        assertThat(longReference.select(".govuk-error-summary a").attr("href")).isEqualTo("#details");

        MvcResult saved = mvc.perform(as(OFFICER, post("/referrals/" + referral + "/package/account").with(csrf())
                .param("background", "Grew up in Varna").param("journey", "By coach from Sofia"))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + referral + "#account");
        Document page = page(as(OFFICER, get("/referrals/" + referral)).flashAttrs(saved.getFlashMap()));
        assertThat(page.select(".govuk-notification-banner").text()).contains("The person’s account: saved");
        assertThat(page.select("#account").text()).contains("Grew up in Varna", "By coach from Sofia");

        MvcResult exploitation = mvc.perform(as(OFFICER, post("/referrals/" + referral + "/package/exploitation")
                .with(csrf()).param("types", "LABOUR").param("subtypes", "CAR_WASH").param("subtypes", "BROTHEL")
                .param("details[LABOUR]", "Washed cars in Luton for no pay"))).andReturn();
        assertThat(exploitation.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + referral
                + "#exploitation");
        assertThat(page(as(OFFICER, get("/referrals/" + referral))).select("#exploitation").text())
                .contains("Labour", "Car wash. Washed cars in Luton for no pay").doesNotContain("Brothel");
    }

    @Test
    void aDraftCannotBeSubmittedAndSaysWhatTheFormStillNeeds() throws Exception {
        UUID referral = nrmReferral(startCheck(Under18.NO));
        Document page = page(as(OFFICER, get("/referrals/" + referral)));
        assertThat(page.select("#submission form")).isEmpty();
        assertThat(page.select("#submission").text()).contains("once the form has everything it needs");

        Document refused = page(as(OFFICER, submission(referral, "NRM-2026-0001").with(csrf())));
        assertThat(refused.title()).startsWith("Error: Mark as submitted");
        assertThat(refused.select(".govuk-error-summary").text())
                .contains("The package lacks what the Home Office’s form requires");
        assertThat(refused.select(".govuk-error-summary a").eachText()).contains(
                "Describe the indicators identified", "Enter the person’s account, in at least one part",
                "Choose at least one type of exploitation");
        assertThat(refused.select(".govuk-error-summary a").eachAttr("href"))
                .contains("/referrals/" + referral + "/package/indicators#indicators");
        assertThat(referrals.readWhole(referral, principal(OFFICER)).status()).isEqualTo(ReferralStatus.DRAFT);
    }

    @Test
    void aReadyReferralSubmittedShowsItsReasonableGroundsDueDate() throws Exception {
        UUID referral = readyReferral(startCheck(Under18.NO));
        Document page = page(as(OFFICER, get("/referrals/" + referral)));
        assertThat(page.select("#summary").text()).contains("Ready to submit");
        assertThat(page.select("#missing")).isEmpty();
        assertThat(page.select("#submission input#submittedTime").val()).isEqualTo("10:00");

        MvcResult submitted = mvc.perform(as(OFFICER, submission(referral, "NRM-2026-0002").with(csrf())))
                .andReturn();
        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + referral);
        Document after = page(as(OFFICER, get("/referrals/" + referral)).flashAttrs(submitted.getFlashMap()));
        assertThat(after.select(".govuk-notification-banner").text()).contains("marked as submitted");
        // Five working days after Wednesday 26 August, skipping the bank holiday on Monday 31 August.
        assertThat(after.select("#rg-due").text()).contains("Reasonable grounds decision due 3 September 2026");
        assertThat(after.select("#summary").text()).contains("NRM-2026-0002", "26 August 2026, 10:00");
        assertThat(after.select("#decision input[name=type][checked]").val()).isEqualTo("RG");
        assertThat(after.select("#referrer .govuk-summary-card__actions")).isEmpty();
        assertThat(status(as(OFFICER, get("/referrals/" + referral + "/package/account")))).isEqualTo(302);

        clock.set(Instant.parse("2026-09-04T09:00:00Z"));
        Document late = page(as(OFFICER, get("/referrals/" + referral)));
        assertThat(late.select("#overdue").text()).contains("overdue: it was due on 3 September 2026");

        MvcResult decided = mvc.perform(as(OFFICER, post("/referrals/" + referral + "/decisions").with(csrf())
                .param("type", "RG").param("result", "POSITIVE").param("date.day", "4").param("date.month", "9")
                .param("date.year", "2026"))).andReturn();
        assertThat(decided.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + referral);
        Document positive = page(as(OFFICER, get("/referrals/" + referral)));
        assertThat(positive.select("#recovery").text()).isEqualTo("Recovery period ends 4 October 2026");
        assertThat(positive.select("#decisions").text()).contains("Reasonable grounds: Positive");
        assertThat(positive.select("#decision input[name=type][checked]").val()).isEqualTo("CG");
    }

    @Test
    void theCoordinatorsListFiltersByStatusAndOverdue() throws Exception {
        UUID draft = nrmReferral(startCheck(Under18.NO));
        UUID submitted = readyReferral(startCheck(Under18.NO));
        referrals.submit(submitted, "NRM-2026-0003", START, principal(OFFICER));

        Document bySubmitted = page(as(COORDINATOR, get("/referrals?status=SUBMITTED")));
        assertThat(bySubmitted.select("h1").text()).isEqualTo("Referrals");
        assertThat(bySubmitted.select("header a[href=/referrals]").text()).isEqualTo("Referrals");
        assertThat(bySubmitted.select("select#status option[selected]").val()).isEqualTo("SUBMITTED");
        assertThat(bySubmitted.select("#referral-" + submitted).text()).contains("Summer action: Stansted Airport",
                "Submitted", "NRM-2026-0003", "3 September 2026").doesNotContain("Overdue");
        // A month reads the same on a page and in the PDF: in full, a time after a comma.
        assertThat(bySubmitted.select("#referral-" + submitted).text()).contains("26 August 2026, 10:00");
        assertThat(pdfText(submitted)).contains("26 August 2026, 10:00").doesNotContain("Aug ", "Sept ");
        assertThat(bySubmitted.select("#referral-" + draft)).isEmpty();

        Document noneOverdue = page(as(COORDINATOR, get("/referrals?overdue=true")));
        assertThat(noneOverdue.select("#referral-" + submitted)).isEmpty();

        clock.set(Instant.parse("2026-09-07T09:00:00Z"));
        Document overdue = page(as(COORDINATOR, get("/referrals?overdue=true")));
        assertThat(overdue.select("input#overdue[checked]")).hasSize(1);
        assertThat(overdue.select("#referral-" + submitted + " .govuk-tag--red").text()).isEqualTo("Overdue");
        assertThat(overdue.select("#referral-" + draft)).isEmpty();
        assertThat(page(as(COORDINATOR, get("/referrals"))).select("#referral-" + draft)).hasSize(1);
        assertThat(page(as(OFFICER, get("/checks/" + checks.readWhole(startCheck(Under18.NO),
                principal(OFFICER)).id()))).select("header a[href=/referrals]")).isEmpty();
    }

    @Test
    void aPartnerAskedForSupportAddsToTheAccountButNeverSeesThePackage() throws Exception {
        UUID check = startCheck(Under18.NO);
        UUID referral = readyReferral(check);
        requests.request(check, charity.id(), SupportKind.NAVIGATOR, principal(OFFICER));

        Document checkPage = page(as(NAVIGATOR, get("/checks/" + check)));
        assertThat(checkPage.select("#referrals a").attr("href")).isEqualTo("/checks/" + check + "/referral");
        Document list = page(as(NAVIGATOR, get("/checks/" + check + "/referral")));
        assertThat(list.select("#referrals a").eachAttr("href")).containsExactly("/referrals/" + referral);
        assertThat(list.select("main form")).isEmpty();

        Document page = page(as(NAVIGATOR, get("/referrals/" + referral)));
        assertThat(page.select("h1").text()).isEqualTo("NRM referral");
        assertThat(page.select("main .govuk-tag").text()).isEqualTo("Ready to submit");
        assertThat(page.html()).doesNotContain("Companion holds her passport", "Grew up in Varna", "Petrova");
        assertThat(page.select("textarea#text")).hasSize(1);

        Document tooLong = page(as(NAVIGATOR, post("/referrals/" + referral + "/account").with(csrf())
                .param("text", "a".repeat(5_001))));
        assertThat(tooLong.select(".govuk-error-summary a").eachText())
                .containsExactly("An addition must be 5,000 characters or fewer");
        assertThat(tooLong.select(".govuk-error-summary a").attr("href")).isEqualTo("#text");

        MvcResult added = mvc.perform(as(NAVIGATOR, post("/referrals/" + referral + "/account").with(csrf())
                .param("text", "She was told to repay 3,000 euros for the journey"))).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + referral);
        Document after = page(as(NAVIGATOR, get("/referrals/" + referral)).flashAttrs(added.getFlashMap()));
        assertThat(after.select(".govuk-notification-banner").text()).contains("Added to the person’s account");
        assertThat(after.select("main").text()).contains("Justice and Care",
                "She was told to repay 3,000 euros for the journey");
        assertThat(after.html()).doesNotContain("Companion holds her passport", "Grew up in Varna");
        assertThat(status(as(NAVIGATOR, get("/referrals/" + referral + "/print")))).isEqualTo(403);
        assertThat(status(as(NAVIGATOR, get("/referrals/" + referral + "/package.pdf")))).isEqualTo(403);

        Document officer = page(as(OFFICER, get("/referrals/" + referral)));
        assertThat(officer.select("#account").text()).contains("Added by Justice and Care",
                "She was told to repay 3,000 euros for the journey");
    }

    @Test
    void thePackageDownloadsAsAPdfAttachment() throws Exception {
        UUID referral = readyReferral(startCheck(Under18.NO));
        MockHttpServletResponse pdf = mvc.perform(as(OFFICER, get("/referrals/" + referral + "/package.pdf")))
                .andReturn().getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void thePackageShowsItsFactsApartFromTheReferrersAssessmentsOnThePageThePrintViewAndThePdf() throws Exception {
        UUID referral = readyReferralAssessing(new ReferralPackage.OtherVictims(Answer.YES,
                "Two other women on the same flight"));

        Document page = page(as(OFFICER, get("/referrals/" + referral)));
        assertThat(page.select("section.wm-part > h3").eachText()).containsExactly("Facts recorded",
                "Assessments and opinions", "Facts recorded (continued)");
        assertThat(page.select(".wm-part--facts > .govuk-summary-card").eachAttr("id")).containsExactly("referral",
                "consent", "referrer", "age", "account", "indicators", "places", "crime", "cooperation", "subject");
        assertThat(page.select(".wm-part--assessments > .govuk-summary-card").eachAttr("id"))
                .containsExactly("exploitation", "otherVictims", "risk");
        assertThat(page.select(".wm-part--assessments").text()).contains("Two other women on the same flight",
                "Her controller knows her flight home", "Car wash").doesNotContain("Grew up in Varna");
        assertThat(page.select("#risk .wm-whose").text())
                .isEqualTo("The referrer’s assessment: Olu Officer, Essex Police");
        assertThat(page.select(".wm-part--facts").text()).contains("Grew up in Varna")
                .doesNotContain("Her controller knows", "The referrer’s assessment");
        assertThat(page.select("#risk textarea[readonly]").text()).startsWith("Risk")
                .doesNotContain("The referrer’s assessment");

        Document print = page(as(OFFICER, get("/referrals/" + referral + "/print")));
        assertThat(print.select("h2").eachText()).containsExactly("Facts recorded", "Assessments and opinions",
                "Facts recorded (continued)");
        assertThat(print.select(".wm-part--assessments section").eachAttr("id")).containsExactly("exploitation",
                "otherVictims", "risk");
        assertThat(print.select(".wm-part--facts").text()).contains("Grew up in Varna", "07700 900123")
                .doesNotContain("Her controller knows");
        assertThat(print.select("#otherVictims .wm-whose").text())
                .isEqualTo("The referrer’s assessment: Olu Officer, Essex Police");

        String text = pdfText(referral);
        int assessments = text.indexOf("Assessments and opinions");
        int continued = text.indexOf("Facts recorded (continued)");
        assertThat(List.of(text.indexOf("Facts recorded"), text.indexOf("Grew up in Varna"), assessments,
                text.indexOf("Exploitation types"), text.indexOf("The referrer’s assessment: Olu Officer, Essex Police"),
                text.indexOf("Her controller knows her flight home"), continued, text.indexOf("Crime reference"),
                text.indexOf("07700 900123"))).doesNotContain(-1).isSorted();
    }

    /**
     * A package not yet submitted says DRAFT on every page, of the PDF and of the print view (in
     * the head the browser prints on every page), with the handling marking at the top and the
     * foot of each page; once submitted it is no longer a draft, and still marked.
     */
    @Test
    void aDraftSaysDraftOnEveryPageAndEveryPageCarriesTheMarking() throws Exception {
        UUID referral = readyReferralAssessing(new ReferralPackage.OtherVictims(Answer.NOT_KNOWN, null));

        List<String> pages = pdfPages(referral);
        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(page -> {
            assertThat(page).contains("DRAFT");
            assertThat(page.split("OFFICIAL-SENSITIVE", -1)).as("the marking at the top and the foot").hasSize(3);
        });
        Document print = page(as(OFFICER, get("/referrals/" + referral + "/print")));
        assertThat(print.select(".wm-print__pages > thead").text()).isEqualTo("DRAFT OFFICIAL-SENSITIVE");
        assertThat(print.select(".wm-print__pages > tfoot").text()).isEqualTo("OFFICIAL-SENSITIVE");

        referrals.submit(referral, "NRM-2026-0031", START, principal(OFFICER));

        assertThat(pdfPages(referral)).hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page)
                .doesNotContain("DRAFT").contains("OFFICIAL-SENSITIVE"));
        assertThat(page(as(OFFICER, get("/referrals/" + referral + "/print"))).select(".wm-print__pages > thead")
                .text()).isEqualTo("OFFICIAL-SENSITIVE");
    }

    /**
     * The PDF says, word for word and in the same order, what the print view says, and nothing
     * else but its page numbers and what it is (its marking, DRAFT): each text of the print view
     * is found in the PDF's text after the one before it.
     */
    @Test
    void thePdfSaysWhatThePrintViewSaysAndNothingElse() throws Exception {
        UUID referral = readyReferralAssessing(new ReferralPackage.OtherVictims(Answer.NOT_KNOWN, null));

        List<String> printed = printed(page(as(OFFICER, get("/referrals/" + referral + "/print"))));
        assertThat(printed).contains("Assessments and opinions", "Facts recorded (continued)", "Risk");

        assertSaysWhatThePrintViewSays(pdfText(referral), printed, "an adult's NRM referral");
    }

    /**
     * On the other paths too (a child's NRM referral, a Duty to Notify named or anonymous), the
     * PDF and the print view of the same referral hold the same sections and the same sentences,
     * in the same order, read from the same fragment.
     */
    @Test
    void onEveryPathThePdfAndThePrintViewHoldTheSameSectionsAndSentences() throws Exception {
        Map<String, UUID> paths = new LinkedHashMap<>();
        paths.put("child", childReferral());
        paths.put("named Duty to Notify", dutyToNotify(true));
        paths.put("anonymous Duty to Notify", dutyToNotify(false));
        Map<String, String> ownSection = Map.of("child", "Local authority contacted", "named Duty to Notify",
                "The person’s details", "anonymous Duty to Notify", "Duty to Notify");

        for (var path : paths.entrySet()) {
            Document print = page(as(OFFICER, get("/referrals/" + path.getValue() + "/print")));
            assertThat(print.select("main h3").eachText()).as(path.getKey())
                    .contains("This referral", "Risk", ownSection.get(path.getKey()));
            assertSaysWhatThePrintViewSays(pdfText(path.getValue()), printed(print), path.getKey());
        }
    }

    @Test
    void consentWithdrawnIsConfirmedFirst() throws Exception {
        UUID referral = nrmReferral(startCheck(Under18.NO));
        Document confirm = page(as(OFFICER, get("/referrals/" + referral + "/withdrawal")));
        assertThat(confirm.select("h1").text()).isEqualTo("Record that consent was withdrawn");
        assertThat(confirm.select(".govuk-warning-text").text()).contains("This cannot be undone");
        MvcResult withdrawn = mvc.perform(as(OFFICER, post("/referrals/" + referral + "/withdrawal").with(csrf())))
                .andReturn();
        Document page = page(as(OFFICER, get("/referrals/" + referral)).flashAttrs(withdrawn.getFlashMap()));
        assertThat(page.select(".govuk-notification-banner").text()).contains("Consent withdrawal recorded");
        assertThat(page.select("#summary").text()).contains("Consent withdrawn");
        assertThat(page.select("#withdrawal")).isEmpty();
    }

    @Test
    void aDraftOnTheWrongPathIsSetAsideAndTheCheckOffersTheStartAgain() throws Exception {
        UUID check = startCheck(Under18.NO);
        UUID referral = nrmReferral(check);
        assertThat(page(as(OFFICER, get("/checks/" + check + "/referral"))).select("form[action$=/referral]"))
                .isEmpty();
        Document confirm = page(as(OFFICER, get("/referrals/" + referral + "/discard")));
        assertThat(confirm.select("h1").text()).isEqualTo("Set this draft aside");

        MvcResult discarded = mvc.perform(as(OFFICER, post("/referrals/" + referral + "/discard").with(csrf())))
                .andReturn();

        Document page = page(as(OFFICER, get("/referrals/" + referral)).flashAttrs(discarded.getFlashMap()));
        assertThat(page.select(".govuk-notification-banner").text()).contains("The draft was set aside");
        assertThat(page.select("#summary").text()).contains("Set aside");
        assertThat(page.select("#discard, #submission")).isEmpty();
        assertThat(page(as(OFFICER, get("/checks/" + check + "/referral"))).select("form[action$=/referral]"))
                .hasSize(1);
    }

    /**
     * Each path has the section pages it needs and no others, and every page saves what it shows
     * unchanged, as a browser without JavaScript would post it.
     */
    @Test
    void everySectionOfEachPathHasItsPageAndSavesWhatItShows() throws Exception {
        UUID adult = readyReferral(startCheck(Under18.NO));
        UUID child = childReferral();
        UUID named = dutyToNotify(true);
        List<String> shared = List.of("referrer", "age", "account", "indicators", "places", "exploitation",
                "otherVictims", "risk", "crime", "cooperation");
        Map<UUID, List<String>> sections = Map.of(adult, List.of("subject"), child,
                List.of("subject", "localAuthority"), named, List.of("subject", "dutyToNotify"));
        for (var referral : sections.entrySet()) {
            for (String section : List.of("subject", "dutyToNotify", "localAuthority")) {
                String path = "/referrals/" + referral.getKey() + "/package/" + section;
                assertThat(status(as(OFFICER, get(path)))).as(path)
                        .isEqualTo(referral.getValue().contains(section) ? 200 : 404);
            }
            for (String section : referral.getValue().size() > 1 ? referral.getValue() : shared) {
                String path = "/referrals/" + referral.getKey() + "/package/" + section;
                Document form = page(as(OFFICER, get(path)));
                assertThat(form.select("h1").text()).as(path).isNotBlank();
                var post = post(path).with(csrf());
                for (var field : form.select("form[action=" + path + "]").forms().get(0).formData()) {
                    post.param(field.key(), field.value());
                }
                MockHttpServletResponse saved = mvc.perform(as(OFFICER, post)).andReturn().getResponse();
                assertThat(saved.getRedirectedUrl()).as(path + ": " + saved.getContentAsString())
                        .isEqualTo("/referrals/" + referral.getKey() + "#" + section);
            }
        }
        assertThat(referrals.readWhole(adult, principal(OFFICER)).status()).isEqualTo(ReferralStatus.READY);
        Document exploitation = page(as(OFFICER, get("/referrals/" + adult + "/package/exploitation")));
        assertThat(exploitation.select("input[name=types][checked]").val()).isEqualTo("LABOUR");
        assertThat(exploitation.select("input[name=subtypes][checked]").val()).isEqualTo("CAR_WASH");
        assertThat(exploitation.select("#conditional-LABOUR label").eachText()).contains("Car wash", "Labour exploitation: details (optional)");
    }

    /**
     * Every role against every referral page, each answer as the browser gets it: 200 a page, 302
     * done (or sent on), 403 refused, 404 not there (or a section the path leaves out). Columns:
     * coordinator, officer, analyst, navigator (asked), SARC worker (taking part, not asked),
     * another force's officer, administrator. Each change is made on a referral of its own.
     */
    @Test
    void everyRoleAgainstEveryPage() throws Exception {
        List<String> people = List.of(COORDINATOR, OFFICER, ANALYST, NAVIGATOR, SARC, OTHER_FORCE, ADMIN);
        UUID check = startCheck(Under18.NO);
        requests.request(check, charity.id(), SupportKind.NAVIGATOR, principal(OFFICER));
        UUID referral = nrmReferral(check);
        String path = "/referrals/" + referral;

        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("the check's referrals", who -> get("/checks/" + check + "/referral"));
        pages.put("start", who -> consent(startCheck(Under18.NO), true).param("localAuthorityName", "x"));
        pages.put("the referral", who -> get(path));
        pages.put("an unknown referral", who -> get("/referrals/" + UUID.randomUUID()));
        pages.put("print view", who -> get(path + "/print"));
        pages.put("PDF", who -> get(path + "/package.pdf"));
        pages.put("a section", who -> get(path + "/package/account"));
        pages.put("a section not on the path", who -> get(path + "/package/dutyToNotify"));
        pages.put("no such section", who -> get(path + "/package/opinion"));
        pages.put("save a section", who -> post("/referrals/" + nrmReferral(startCheck(Under18.NO))
                + "/package/risk").param("answer", "YES"));
        pages.put("submission form", who -> get(path + "/submission"));
        pages.put("submit", who -> submission(readyReferral(startCheck(Under18.NO)), "NRM-1"));
        pages.put("record a decision", who -> post("/referrals/" + submittedReferral() + "/decisions")
                .param("type", "RG").param("result", "NEGATIVE").param("date.day", "26")
                .param("date.month", "8").param("date.year", "2026"));
        pages.put("withdrawal form", who -> get(path + "/withdrawal"));
        pages.put("withdraw", who -> post("/referrals/" + nrmReferral(startCheck(Under18.NO)) + "/withdrawal"));
        pages.put("add to the account", who -> post(path + "/account").param("text", "Said she owes money"));
        pages.put("the coordinator's list", who -> get("/referrals"));

        //                                        coord officer analyst navig sarc other admin
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("the check's referrals",     List.of(200, 200, 403, 200, 403, 404, 403));
        expected.put("start",                     List.of(302, 302, 403, 403, 403, 404, 403));
        expected.put("the referral",              List.of(200, 200, 403, 200, 403, 404, 403));
        expected.put("an unknown referral",       List.of(404, 404, 404, 404, 404, 404, 404));
        expected.put("print view",                List.of(200, 200, 403, 403, 403, 404, 403));
        expected.put("PDF",                       List.of(200, 200, 403, 403, 403, 404, 403));
        expected.put("a section",                 List.of(200, 200, 403, 403, 403, 404, 403));
        expected.put("a section not on the path", List.of(404, 404, 403, 403, 403, 404, 403));
        expected.put("no such section",           List.of(404, 404, 403, 403, 403, 404, 403));
        expected.put("save a section",            List.of(302, 302, 403, 403, 403, 404, 403));
        expected.put("submission form",           List.of(200, 200, 403, 403, 403, 404, 403));
        expected.put("submit",                    List.of(302, 302, 403, 403, 403, 404, 403));
        expected.put("record a decision",         List.of(302, 302, 403, 403, 403, 404, 403));
        expected.put("withdrawal form",           List.of(200, 200, 403, 403, 403, 404, 403));
        expected.put("withdraw",                  List.of(302, 302, 403, 403, 403, 404, 403));
        expected.put("add to the account",        List.of(302, 302, 403, 302, 403, 404, 403));
        expected.put("the coordinator's list",    List.of(200, 403, 403, 403, 403, 403, 403));

        assertThat(statuses(pages, people)).isEqualTo(expected);
    }

    /**
     * A check closed with an NRM referral or Duty to Notify outcome and no referral submitted is
     * owed: the coordinator's list counts them first and lists them, a child's first as urgent,
     * then the longest owed, each with how long and its next step; the operation page and the
     * check say so too, to those who record checks; once submitted it is owed no more.
     */
    @Test
    void aReferralOutcomeNotYetSubmittedIsOwedOnTheListTheOperationAndTheCheck() throws Exception {
        UUID adult = closedCheck(owing, "Elena Petrova", Under18.NO, OWING_OFFICER, Outcome.NRM_REFERRAL,
                Outcome.SAFEGUARDING_ADVICE);
        clock.set(START.plusSeconds(3600));
        UUID child = closedCheck(owing, "Ana", Under18.NOT_SURE, OWING_OFFICER, Outcome.NRM_REFERRAL,
                Outcome.CHILD_SAFEGUARDING_REFERRAL);
        clock.set(START.plusSeconds(2 * 3600));
        UUID declined = closedCheck(owing, "Mira Ivanova", Under18.NO, OWING_OFFICER, Outcome.DUTY_TO_NOTIFY);
        UUID reporting = referrals.start(declined, new Referrals.NewReferral(new Consent(false, "Olu Officer", "bg",
                false, START), false, null), principal(OWING_OFFICER)).id();
        UUID advised = closedCheck(owing, "Ivan", Under18.NO, OWING_OFFICER, Outcome.SAFEGUARDING_ADVICE);
        UUID referred = closedCheck(owing, "Vera", Under18.NO, OWING_OFFICER, Outcome.NRM_REFERRAL);
        referrals.submit(given.readyNrmReferral(referred, "Grew up in Varna", "Vera", START,
                principal(OWING_OFFICER)), "NRM-2026-0010", START.plusSeconds(2 * 3600), principal(OWING_OFFICER));

        Document early = page(as(OWING_OFFICER, get("/operations/" + owing.value())));
        assertThat(early.select("#referrals-owed h2").text()).isEqualTo("3 referrals owed");
        assertThat(early.select("#owed-" + adult).text()).contains("NRM referral", "check closed Wed 26 August 10:00",
                "owed for 2 hours", "Start the NRM referral");
        assertThat(early.select("#owed-" + declined).text()).contains("owed for less than an hour");

        clock.set(START.plus(java.time.Duration.ofDays(3)));
        Document list = page(as(OWING_COORDINATOR, get("/referrals")));
        assertThat(list.select("#owed-count .govuk-warning-text__text").text())
                .isEqualTo("Warning 3 referrals owed, 1 of them for a child: urgent");
        assertThat(list.select("#owed-count a").attr("href")).isEqualTo("/referrals?owed=true");
        assertThat(list.select("#owed-count ~ *").first().text()).startsWith("Referrals from the checks");

        Document owed = page(as(OWING_COORDINATOR, get("/referrals?owed=true")));
        assertThat(owed.select("input#owed[checked]")).hasSize(1);
        assertThat(owed.select("#owed tbody tr").eachAttr("id")).containsExactly("owed-" + child, "owed-" + adult,
                "owed-" + declined);
        // On a phone each is a card titled with the referral owed, each detail under its column's name.
        assertThat(cardsNamingTheirColumns(owed)).containsExactly(List.of("Kind", "Operation", "Check closed",
                "Owed for", "Status", "Next step"));
        assertThat(owed.select("#owed-" + child).text()).contains("Summer action: Luton Airport",
                "NRM referral (child)", "Urgent: a child", "26 August 2026, 11:00", "2 days", "Not started");
        assertThat(owed.select("#owed-" + child + " a").attr("href")).isEqualTo("/checks/" + child + "/referral");
        assertThat(owed.select("#owed-" + adult).text()).contains("NRM referral", "3 days", "Start the NRM referral")
                .doesNotContain("Urgent");
        assertThat(owed.select("#owed-" + declined).text()).contains("Duty to Notify", "Draft",
                "Continue the Duty to Notify");
        assertThat(owed.select("#owed-" + declined + " a").attr("href")).isEqualTo("/referrals/" + reporting);
        assertThat(page(as(OWING_COORDINATOR, get("/referrals?owed=true&status=DRAFT"))).select("#owed tbody tr")
                .eachAttr("id")).containsExactly("owed-" + declined);

        Document operationPage = page(as(OWING_COORDINATOR, get("/operations/" + owing.value())));
        assertThat(operationPage.select("#referrals-owed li").eachAttr("id")).containsExactly("owed-" + child,
                "owed-" + adult, "owed-" + declined);
        assertThat(operationPage.select("#referrals-owed a[href=/referrals?owed=true]").text())
                .isEqualTo("All the referrals owed");
        assertThat(page(as(OWING_OFFICER, get("/operations/" + owing.value())))
                .select("#referrals-owed a[href=/referrals?owed=true]")).isEmpty();
        assertThat(page(as(OWING_NAVIGATOR, get("/operations/" + owing.value()))).select("#referrals-owed"))
                .isEmpty();

        Document adultCheck = page(as(OWING_OFFICER, get("/checks/" + adult)));
        assertThat(adultCheck.select("#referral-owed").text()).contains("An NRM referral is owed: this check closed "
                + "with that outcome 3 days ago, and none has been submitted.");
        assertThat(adultCheck.select("#referral-owed a").attr("href")).isEqualTo("/checks/" + adult + "/referral");
        assertThat(page(as(OWING_OFFICER, get("/checks/" + child))).select("#referral-owed .govuk-tag").text())
                .isEqualTo("Urgent: a child");
        assertThat(page(as(OWING_OFFICER, get("/checks/" + advised))).select("#referral-owed")).isEmpty();
        assertThat(page(as(OWING_OFFICER, get("/checks/" + referred))).select("#referral-owed")).isEmpty();

        referrals.submit(given.readyNrmReferral(adult, "Grew up in Varna", "Elena Petrova", clock.instant(),
                principal(OWING_OFFICER)), "NRM-2026-0011", clock.instant(), principal(OWING_OFFICER));
        assertThat(page(as(OWING_COORDINATOR, get("/referrals"))).select("#owed-count .govuk-warning-text__text")
                .text()).isEqualTo("Warning 2 referrals owed, 1 of them for a child: urgent");
        assertThat(page(as(OWING_OFFICER, get("/checks/" + adult))).select("#referral-owed")).isEmpty();
    }

    /**
     * An adult who declines the NRM referral that the closed check's outcome said meets no dead
     * end: the page says before the form what declining does, the Duty to Notify starts, and the
     * check's outcome is corrected, shown with who corrected it and why, and logged.
     */
    @Test
    void anAdultWhoDeclinesTheNrmReferralTheOutcomeSaidIsNotifiedAndTheOutcomeCorrected() throws Exception {
        UUID check = closedCheck(operation, "Elena Petrova", Under18.NO, OFFICER, Outcome.NRM_REFERRAL,
                Outcome.SAFEGUARDING_ADVICE);
        Document form = page(as(OFFICER, get("/checks/" + check + "/referral")));
        assertThat(form.select("#route").text()).contains("if they do not consent, a Duty to Notify is started "
                + "instead, and the check’s outcome is corrected to Duty to Notify");
        assertThat(form.select("input[name=consents]")).hasSize(2);

        MvcResult started = mvc.perform(as(OFFICER, consent(check, false).param("named", "false").with(csrf())))
                .andReturn();
        String referral = started.getResponse().getRedirectedUrl();
        assertThat(referral).as(started.getResponse().getContentAsString()).matches("/referrals/[0-9a-f-]{36}");
        Document page = page(as(OFFICER, get(referral)).flashAttrs(started.getFlashMap()));
        assertThat(page.select("h1").text()).isEqualTo("Duty to Notify");
        assertThat(page.select(".govuk-notification-banner").text()).contains("Duty to Notify started, and the "
                + "check’s outcome corrected from NRM referral to Duty to Notify, as the person did not consent");

        Document checkPage = page(as(OFFICER, get("/checks/" + check)));
        assertThat(checkPage.select("#outcome li").eachText()).containsExactlyInAnyOrder("Duty to Notify",
                "Safeguarding advice given");
        assertThat(checkPage.select("#outcome-corrected").text()).contains("From NRM referral to Duty to Notify: "
                + "the person did not consent to an NRM referral", "Olu Officer");
        assertThat(checkPage.select("#referral-owed").text()).contains("A Duty to Notify is owed");
        assertThat(checkPage.select("#referral-owed a").attr("href")).isEqualTo(referral);
        assertThat(audit.find(new AuditQuery("CHECK_OUTCOME_CORRECTED", "ENHANCED_CHECK", check.toString(), null),
                0, 20)).singleElement().satisfies(entry -> {
                    assertThat(entry.userId()).isEqualTo(principal(OFFICER).id().value());
                    assertThat(entry.detail()).isEqualTo("NRM_CONSENT_DECLINED: NRM_REFERRAL SAFEGUARDING_ADVICE "
                            + "corrected to DUTY_TO_NOTIFY SAFEGUARDING_ADVICE");
                });
    }

    /** Where the check's outcome leaves no route, or only one, the page says so before anyone fills in a form. */
    @Test
    void aRouteThatCannotBeTakenIsSaidBeforeTheForm() throws Exception {
        UUID advised = closedCheck(operation, "Ivan", Under18.NO, OFFICER, Outcome.SAFEGUARDING_ADVICE);
        Document none = page(as(OFFICER, get("/checks/" + advised + "/referral")));
        assertThat(none.select("#no-route").text()).isEqualTo("This check closed without an NRM referral or Duty to "
                + "Notify outcome, so no referral can be started from it.");
        assertThat(none.select("main form")).isEmpty();

        UUID declined = closedCheck(operation, "Mira Ivanova", Under18.NO, OFFICER, Outcome.DUTY_TO_NOTIFY);
        Document form = page(as(OFFICER, get("/checks/" + declined + "/referral")));
        assertThat(form.select("#route").text()).contains("This check closed with a Duty to Notify outcome",
                "so none can be started from it");
        Document refused = page(as(OFFICER, consent(declined, true).with(csrf())));
        assertThat(refused.select(".govuk-error-summary a").eachText())
                .containsExactly("This check closed without an NRM referral outcome, so it cannot be referred");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#consents");
        assertThat(refused.select("input#explainedBy").val()).isEqualTo("Olu Officer");
    }

    /**
     * A referral started while the check was open decides its outcome: the officer who took a
     * decline and then ticks NRM referral, or a consent and then Duty to Notify, is told why.
     */
    @Test
    void aReferralStartedBeforeTheOutcomeDecidesIt() throws Exception {
        UUID declinedFirst = startCheck(Under18.NO);
        checks.describe(declinedFirst, Person.typed("Mira Ivanova", false, null, null, Under18.NO, Gender.FEMALE, "BG",
                List.of("bg"), null, null, null, null, null), principal(OFFICER));
        referrals.start(declinedFirst, new Referrals.NewReferral(new Consent(false, "Olu Officer", "bg", false,
                START.minusSeconds(600)), false, null), principal(OFFICER));
        Document refused = page(as(OFFICER, post("/checks/" + declinedFirst + "/outcome").with(csrf())
                .param("outcomes", "NRM_REFERRAL")));
        assertThat(refused.select(".govuk-error-summary a").eachText()).containsExactly("The person declined the NRM "
                + "and a Duty to Notify has been started from this check: the outcome must include Duty to Notify");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#outcomes");
        assertThat(checks.readWhole(declinedFirst, principal(OFFICER)).editable()).isTrue();

        UUID consentedFirst = startCheck(Under18.NO);
        checks.describe(consentedFirst, Person.typed("Vera", false, null, null, Under18.NO, Gender.FEMALE, "BG",
                List.of("bg"), null, null, null, null, null), principal(OFFICER));
        nrmReferral(consentedFirst);
        Document notNrm = page(as(OFFICER, post("/checks/" + consentedFirst + "/outcome").with(csrf())
                .param("outcomes", "DUTY_TO_NOTIFY")));
        assertThat(notNrm.select(".govuk-error-summary a").eachText()).containsExactly(
                "An NRM referral has been started from this check: the outcome must include NRM referral");
        assertThat(mvc.perform(as(OFFICER, post("/checks/" + consentedFirst + "/outcome").with(csrf())
                .param("outcomes", "NRM_REFERRAL"))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/checks/" + consentedFirst);
    }

    /**
     * A check closed by the officer with these outcomes, of a person known by name, whether under
     * 18, and (as a Duty to Notify needs) gender and nationality; its id.
     */
    private UUID closedCheck(OperationId in, String name, Under18 under18, String officer, Outcome... outcomes) {
        UUID check = given.check(in, Person.typed(name, false, null, null, under18, Gender.FEMALE, "BG",
                List.of("bg"), null, null, null, null, null), principal(officer));
        checks.close(check, java.util.EnumSet.copyOf(List.of(outcomes)), null, principal(officer));
        return check;
    }

    private UUID startCheck(Under18 under18) {
        return given.check(operation, Person.unknown(under18), principal(OFFICER));
    }

    /** An adult's NRM referral, as the consent step leaves it: a draft. */
    private UUID nrmReferral(UUID check) {
        return given.nrmReferral(check, START.minusSeconds(600), principal(OFFICER));
    }

    /** An adult's NRM referral with everything the form requires. */
    private UUID readyReferral(UUID check) {
        return given.readyNrmReferral(check, "Grew up in Varna", "Elena Petrova", START.minusSeconds(600),
                principal(OFFICER));
    }

    /**
     * An adult's NRM referral with everything the form requires, the referrer having assessed the
     * other victims as given and the risk as known to her controller.
     */
    private UUID readyReferralAssessing(ReferralPackage.OtherVictims otherVictims) {
        UUID id = readyReferral(startCheck(Under18.NO));
        ReferralPackage ready = referrals.readWhole(id, principal(OFFICER)).content();
        referrals.editPackage(id, new ReferralPackage(ready.referrer(), ready.age(), ready.account(),
                ready.indicators(), ready.places(), ready.exploitation(), otherVictims,
                new ReferralPackage.Risk(Answer.YES, "Her controller knows her flight home"), ready.crime(),
                ready.cooperation(), ready.subject(), null, null), principal(OFFICER));
        return id;
    }

    private UUID submittedReferral() {
        UUID id = readyReferral(startCheck(Under18.NO));
        referrals.submit(id, "NRM-2", START, principal(OFFICER));
        return id;
    }

    /** A child's NRM referral, made without consent, the local authority told. */
    private UUID childReferral() {
        return referrals.start(startCheck(Under18.YES), new Referrals.NewReferral(null, null,
                new ReferralPackage.LocalAuthority("Essex County Council", "Duty desk")), principal(OFFICER)).id();
    }

    /** A Duty to Notify of an adult who does not consent to an NRM referral, named in it or not. */
    private UUID dutyToNotify(boolean named) {
        return referrals.start(startCheck(Under18.NO), new Referrals.NewReferral(new Consent(false, "Olu Officer",
                "bg", false, START.minusSeconds(600)), named, null), principal(OFFICER)).id();
    }

    /**
     * The consent step's form for the check as the officer sends it: consent explained by Olu
     * Officer in Bulgarian, without an interpreter, at 09:30 on 26 August 2026, and given or not.
     */
    private static MockHttpServletRequestBuilder consent(UUID check, boolean consents) {
        return post("/checks/" + check + "/referral").param("explainedBy", "Olu Officer").param("language", "bg")
                .param("interpreterUsed", "false").param("consentDate.day", "26").param("consentDate.month", "8")
                .param("consentDate.year", "2026").param("consentTime", "09:30")
                .param("consents", String.valueOf(consents));
    }

    /** The submission form for the referral as the officer sends it: this reference, at 10:00 on 26 August 2026. */
    private static MockHttpServletRequestBuilder submission(UUID referral, String homeOfficeReference) {
        return post("/referrals/" + referral + "/submission").param("homeOfficeReference", homeOfficeReference)
                .param("submittedDate.day", "26").param("submittedDate.month", "8")
                .param("submittedDate.year", "2026").param("submittedTime", "10:00");
    }

    /** What the print view prints, text by text: its headings, paragraphs, terms and descriptions. */
    private static List<String> printed(Document print) {
        return print.select("main h1, main h2, main h3, main p, main dt, main dd").stream()
                .filter(element -> element.closest(".wm-print__screen-only") == null)
                .map(org.jsoup.nodes.Element::text).filter(text -> !text.isBlank()).toList();
    }

    /** The referral's PDF package as text, its white space folded to single spaces. */
    private String pdfText(UUID referral) throws Exception {
        byte[] pdf = mvc.perform(as(OFFICER, get("/referrals/" + referral + "/package.pdf"))).andReturn()
                .getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** The text of each page of the referral's PDF package. */
    private List<String> pdfPages(UUID referral) throws Exception {
        byte[] pdf = mvc.perform(as(OFFICER, get("/referrals/" + referral + "/package.pdf"))).andReturn()
                .getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            for (int number = 1; number <= document.getNumberOfPages(); number++) {
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(number);
                stripper.setEndPage(number);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    /**
     * That the PDF's text says each text of the print view, in the same order, and nothing else
     * but its page numbers and the marks of every page: each text is looked for after the one
     * before it.
     */
    private static void assertSaysWhatThePrintViewSays(String pdfText, List<String> printed, String referral) {
        String text = pdfText.replaceAll("Page \\d+ of \\d+|OFFICIAL-SENSITIVE|DRAFT", " ").replaceAll("\\s+", " ")
                .strip();
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        int at = 0;
        for (String shown : printed) {
            int found = text.indexOf(shown, at);
            if (found < 0) {
                missing.add(shown);
                continue;
            }
            if (!text.substring(at, found).isBlank()) {
                extra.add(text.substring(at, found).strip());
            }
            at = found + shown.length();
        }
        if (!text.substring(at).isBlank()) {
            extra.add(text.substring(at).strip());
        }
        assertThat(missing).as("%s: in the print view but not in the PDF", referral).isEmpty();
        assertThat(extra).as("%s: in the PDF but not in the print view", referral).isEmpty();
    }
}
