package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.operation.ExploitationType;
import org.waymark.referral.Consent;
import org.waymark.referral.Referrals;
import org.waymark.retention.Hold;
import org.waymark.retention.Holds;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;
import org.waymark.tips.NewReport;
import org.waymark.tips.Tips;

/**
 * Subject access, for administrators only: a person recorded in two checks of two operations and
 * named in a report from the public is found by name (and someone with a similar name is left out
 * by the date of birth), the chosen records come out in one PDF with a cover, and the search, the
 * export and a correction of the person are in the audit log. (It shares its application context
 * with the other MockMvc page tests, so its names are its own.)
 */
class SubjectAccessPagesTest extends PageTests {

    private static final String ADMIN = "admin@subject-access.test";
    private static final String OFFICER = "officer@subject-access.test";
    private static final String COORDINATOR = "coordinator@subject-access.test";
    private static final LocalDate BORN = LocalDate.of(1994, 3, 12);

    @Autowired
    Tips tips;
    @Autowired
    Holds holds;
    @Autowired
    Referrals referrals;

    OperationId gatwick;
    UUID inGatwick;
    UUID inBristol;
    UUID similarName;
    String reportReference;

    @BeforeAll
    void data() {
        var police = given.agency("Avon and Somerset Constabulary", AgencyType.POLICE);
        given.user("Sam Admin", ADMIN, police, Role.ADMIN);
        given.user("Oona Officer", OFFICER, police, Role.OFFICER);
        given.user("Cy Coordinator", COORDINATOR, police, Role.COORDINATOR);
        gatwick = operation("Week of action: Gatwick South", "LGW");
        OperationId bristol = operation("Week of action: Bristol Airport", "BRS");
        inGatwick = start(gatwick, "Ana-Maria Rădulescu", BORN);
        inBristol = start(bristol, "RADULESCU Ana Maria", BORN);
        similarName = start(gatwick, "Ana Rădulescu", LocalDate.of(1988, 7, 1));
        reportReference = tips.receive(new NewReport("A woman called Ana Maria Radulescu was met at arrivals by a man"
                + " who kept her passport.", "Gatwick South arrivals", "Last Friday", "Ana Maria Radulescu", "Call Jo on 07700 900123"),
                "198.51.100.41");
    }

    private OperationId operation(String name, String port) {
        return given.operation().named(name).at(port).between(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 9))
                .on(ExploitationType.LABOUR).from("RO").plannedBy(principal(COORDINATOR));
    }

    private UUID start(OperationId operation, String name, LocalDate born) {
        Person person = new Person(name, false, null, born, Under18.NO, null, new CountryCode("RO"), Set.of(), null,
                null, null, null, "Luton");
        return given.check(operation, person, principal(OFFICER));
    }

    private Document search(String name, LocalDate born) throws Exception {
        var request = post("/admin/subject-access").with(csrf()).param("name", name);
        if (born != null) {
            request.param("dateOfBirth.day", String.valueOf(born.getDayOfMonth()))
                    .param("dateOfBirth.month", String.valueOf(born.getMonthValue()))
                    .param("dateOfBirth.year", String.valueOf(born.getYear()));
        }
        return page(as(ADMIN, request));
    }

    @Test
    void onlyAdministratorsFindAndExportRecords() throws Exception {
        assertThat(status(as(OFFICER, get("/admin/subject-access")))).isEqualTo(403);
        assertThat(status(as(COORDINATOR, post("/admin/subject-access").with(csrf()).param("name", "Ana"))))
                .isEqualTo(403);
        assertThat(status(as(COORDINATOR, post("/admin/subject-access/export").with(csrf()).param("name", "Ana")
                .param("records", "ENHANCED_CHECK:" + inGatwick).param("reference", "SAR-1")))).isEqualTo(403);
        assertThat(page(as(OFFICER, get("/operations"))).select("header a[href=/admin/subject-access]")).isEmpty();

        Document page = page(as(ADMIN, get("/admin/subject-access")));
        assertThat(page.select("h1").text()).isEqualTo("Subject access");
        assertThat(page.select("header a[href=/admin/subject-access]")).hasSize(1);
        assertThat(page.select("#disposed-note").text()).contains("disposed of", "not found by name");
    }

    @Test
    void aPersonIsFoundInTwoChecksAndAReportButNotSomeoneWithASimilarName() throws Exception {
        Document all = search("ana maria radulescu", null);
        assertThat(all.select("#checks input").eachAttr("value"))
                .containsExactlyInAnyOrder("ENHANCED_CHECK:" + inGatwick, "ENHANCED_CHECK:" + inBristol);
        assertThat(all.select("#checks").text()).contains("Week of action: Gatwick South",
                "Week of action: Bristol Airport", "Avon and Somerset Constabulary", "born 12 March 1994");
        assertThat(all.select("#reports").text()).contains(reportReference, "Name found in: who, what");

        Document wider = search("Ana Rădulescu", null);
        assertThat(wider.select("#checks input").eachAttr("value")).contains("ENHANCED_CHECK:" + similarName);
        Document narrowed = search("Ana Rădulescu", BORN);
        assertThat(narrowed.select("#checks input").eachAttr("value"))
                .containsExactlyInAnyOrder("ENHANCED_CHECK:" + inGatwick, "ENHANCED_CHECK:" + inBristol);

        Document nobody = search("Zebedee Quillfeather", null);
        assertThat(nobody.select("#nothing-found").text()).contains("No record matches");

        List<AuditEntry> searches = audit.find(new AuditQuery("SUBJECT_ACCESS_SEARCHED", null, null,
                principal(ADMIN).id().value()), 0, 50);
        assertThat(searches).hasSizeGreaterThanOrEqualTo(4);
        assertThat(searches).extracting(AuditEntry::detail).allSatisfy(detail -> assertThat(detail)
                .startsWith("name digest ").doesNotContainIgnoringCase("radulescu").doesNotContain("Zebedee"));
        assertThat(searches.get(1).detail()).contains("with date of birth", "records found: 3");
    }

    @Test
    void mistakesAreNamedTheGovUkWay() throws Exception {
        Document empty = page(as(ADMIN, post("/admin/subject-access").with(csrf()).param("name", " ")
                .param("dateOfBirth.day", "31").param("dateOfBirth.month", "2").param("dateOfBirth.year", "1990")));
        assertThat(empty.title()).startsWith("Error: Subject access");
        assertThat(empty.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter the person’s name", "Date of birth must be a real date in the past");
        assertThat(empty.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#name", "#dateOfBirth-day");

        Document nothingChosen = page(as(ADMIN, post("/admin/subject-access/export").with(csrf())
                .param("name", "Ana Maria Radulescu").param("reference", "")));
        assertThat(nothingChosen.select(".govuk-error-summary a").eachText()).containsExactly(
                "Select the records that are about the person", "Enter the request reference");
        assertThat(nothingChosen.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#records",
                "#reference");
        assertThat(nothingChosen.select("#checks input")).hasSize(2);
    }

    @Test
    void theChosenRecordsAreExportedWithACoverAndTheExportIsLogged() throws Exception {
        String report = search("Ana Maria Radulescu", BORN).select("#reports input").attr("value");
        MockHttpServletResponse response = mvc.perform(as(ADMIN, post("/admin/subject-access/export").with(csrf())
                .param("name", "Ana Maria Radulescu").param("records", "ENHANCED_CHECK:" + inGatwick,
                        "ENHANCED_CHECK:" + inBristol, report)
                .param("reference", "SAR-2026-0147").param("hold", "true"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Subject access request SAR-2026-0147", "Prepared by Sam Admin",
                "Records disclosed 3", "Ana-Maria Rădulescu", "RADULESCU Ana Maria", "Facts recorded",
                "Assessments and opinions", "Who read or changed this record", "CHECK_STARTED", "Oona Officer",
                reportReference, "who kept her passport", "Withheld: they are those of whoever made the report");
        assertThat(text).doesNotContain("07700 900123").doesNotContain("1 July 1988");

        List<AuditEntry> disclosed = audit.find(new AuditQuery("SUBJECT_ACCESS_DISCLOSED", null, null, null), 0, 50)
                .stream().filter(entry -> entry.detail().contains("SAR-2026-0147")).toList();
        assertThat(disclosed).extracting(AuditEntry::recordId).containsExactlyInAnyOrder(inGatwick.toString(),
                inBristol.toString(), report.split(":")[1]);
        assertThat(disclosed).extracting(AuditEntry::detail)
                .containsOnly("disclosed to the data subject under request SAR-2026-0147");
        assertThat(audit.find(new AuditQuery("SUBJECT_ACCESS_EXPORTED", "SUBJECT_ACCESS", "SAR-2026-0147", null), 0,
                5)).extracting(AuditEntry::detail).containsExactly("records disclosed: 3");
        assertThat(holds.standing()).filteredOn(hold -> hold.reason().equals("Subject access request SAR-2026-0147"))
                .extracting(Hold::recordId).containsExactlyInAnyOrder(inGatwick, inBristol,
                        UUID.fromString(report.split(":")[1]));
    }

    /** A referral is exported as its package: each section, facts apart from the referrer's assessments. */
    @Test
    void aReferralIsExportedAsItsPackageWithItsFactsApartFromTheAssessments() throws Exception {
        UUID referral = referrals.start(start(gatwick, "Mira Kovač", LocalDate.of(1990, 5, 2)),
                new Referrals.NewReferral(new Consent(true, "Oona Officer", "ro", false, Instant.now()), null, null),
                principal(OFFICER)).id();
        MockHttpServletResponse response = mvc.perform(as(ADMIN, post("/admin/subject-access/export").with(csrf())
                .param("name", "Mira Kovač").param("records", "REFERRAL:" + referral)
                .param("reference", "SAR-2026-0201"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        int referralStarts = text.lastIndexOf("Referral started");
        assertThat(List.of(referralStarts, text.indexOf("Facts recorded", referralStarts),
                text.indexOf("This referral", referralStarts), text.indexOf("NRM referral of an adult, with consent"),
                text.indexOf("Assessments and opinions", referralStarts),
                text.indexOf("Exploitation types", referralStarts), text.indexOf("The referrer’s assessment"),
                text.indexOf("Facts recorded (continued)"), text.indexOf("The person’s details"),
                text.indexOf("Mira Kovač", referralStarts), text.indexOf("Who read or changed this record")))
                .doesNotContain(-1).isSorted();
    }

    @Test
    void aCorrectionOfThePersonIsLoggedAsAChangeNamingTheFields() throws Exception {
        mvc.perform(as(OFFICER, post("/checks/" + similarName + "/person").with(csrf())
                .param("previousCategory", "POTENTIAL_VICTIM").param("category", "POTENTIAL_VICTIM")
                .param("under18", "NO").param("name", "Anca Rădulescu").param("dateOfBirth.day", "2")
                .param("dateOfBirth.month", "7").param("dateOfBirth.year", "1988").param("nationality", "RO")
                .param("finalDestination", "Luton")));

        List<AuditEntry> changes = audit.find(new AuditQuery("CHECK_CHANGED", "ENHANCED_CHECK",
                similarName.toString(), null), 0, 20);
        assertThat(changes).extracting(AuditEntry::detail).contains("PERSON fields changed: name dateOfBirth");
        assertThat(changes).extracting(AuditEntry::detail).allSatisfy(detail -> assertThat(detail)
                .doesNotContain("Anca").doesNotContain("1988"));
    }
}
