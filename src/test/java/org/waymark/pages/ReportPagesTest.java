package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waymark.awareness.HelpTexts;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;

/**
 * Reporting as a member of the public, on the page and through the API: the guidance first,
 * the form's mistakes named, a reference at the end, no cookie, the limit per address, and the
 * hidden field that only a bot fills in; in English at /report and in each language of the
 * passengers' help at /report/{code}. Each test reports from an address of its own.
 */
class ReportPagesTest extends PageTests {

    private static final String REFERENCE = "WM-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}";
    private static final String COORDINATOR = "coordinator@public-reports.test";

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void data() {
        var police = given.agency("Public Reports Police", AgencyType.POLICE);
        given.user("Rhea Coordinator", COORDINATOR, police, Role.COORDINATOR);
    }

    @Test
    void theFormIsInEveryLanguageOfTheHelpWithNumbersToTapAndAWayToLeave() throws Exception {
        String english = form("/report", "en").select("h1").text();
        assertThat(english).isEqualTo("Report information about trafficking");
        for (String language : HelpTexts.LANGUAGES) {
            Document page = form("/report/" + language, language);
            assertThat(page.select("form").attr("action")).isEqualTo("/report/" + language);
            if (!language.equals("en")) {
                assertThat(page.select("h1").text()).as(language).isNotBlank().isNotEqualTo(english);
                assertThat(page.select("label[for=what]").text()).as(language).isNotEqualTo("What happened?");
            }
        }
        assertThat(form("/report/bg", "bg").select("h1").text()).isEqualTo("Съобщете информация за трафик на хора");
        assertThat(form("/report", "en").select("form").attr("action")).isEqualTo("/report");
    }

    @Test
    void aReportSentInBulgarianIsAnsweredInBulgarianAndTriagedLikeAnyOther() throws Exception {
        Document empty = page(from("10.0.2.1", post("/report/bg").param("where", "Терминал 1")));
        assertThat(empty.title()).startsWith("Грешка: Съобщете информация");
        assertThat(empty.select(".govuk-error-summary h2").text()).isEqualTo("Има проблем");
        assertThat(empty.select(".govuk-error-summary a").eachText()).containsExactly("Кажете ни какво се случи");
        assertThat(empty.select("#what-error").text()).isEqualTo("Грешка: Кажете ни какво се случи");
        assertThat(empty.select("input#where").val()).isEqualTo("Терминал 1");

        MockHttpServletResponse response = mvc.perform(from("10.0.2.1", post("/report/bg")
                .param("what", "Мъж взе паспортите на две млади жени на изход 12").param("where", "Станстед")))
                .andReturn().getResponse();
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
        assertThat(response.getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("bg");
        Document sent = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(sent.select("html").attr("lang")).isEqualTo("bg");
        assertThat(sent.select("h1").text()).isEqualTo("Съобщението е изпратено");
        assertThat(sent.select("main a[href=tel:999]")).hasSize(1);
        String reference = sent.select("#reference").text();
        assertThat(reference).matches(REFERENCE);

        Document queue = page(as(COORDINATOR, get("/reports")));
        assertThat(queue.select("#report-" + reference).text()).contains("Мъж взе паспортите", "Станстед");
        assertThat(queue.select("html").attr("lang")).as("the staff pages stay in English").isEqualTo("en");
    }

    @Test
    void theLimitIsTheSameInEveryLanguageAndSaysSoInIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(status(from("10.0.2.2", post(List.of("/report/ar", "/report", "/report/ckb").get(i % 3))
                    .param("what", "Report " + i)))).isEqualTo(200);
        }
        MockHttpServletResponse sixth = mvc.perform(from("10.0.2.2", post("/report/ar").param("what", "Again")))
                .andReturn().getResponse();

        assertThat(sixth.getStatus()).isEqualTo(429);
        Document page = Jsoup.parse(sixth.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("html").attr("lang")).isEqualTo("ar");
        assertThat(page.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("h1").text()).isEqualTo("بلاغات كثيرة جداً من هذا الاتصال");
        assertThat(page.select("main a[href^=tel:]").eachAttr("href")).contains("tel:101", "tel:08000121700",
                "tel:999");
        assertThat(status(from("10.0.2.2", post("/report/xx").param("what", "Nowhere")))).isEqualTo(404);
    }

    /**
     * The form at this address, which must be in this language: lang, direction and
     * Content-Language, no cookie, tap-to-call numbers, "Exit this page", nothing leading to the
     * staff pages, and under 100 KB of HTML (GOV.UK Frontend's stylesheet and script, shared with
     * every page and cached, are not counted).
     */
    private Document form(String path, String language) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getHeaders("Set-Cookie")).as(path).isEmpty();
        assertThat(response.getHeader(HttpHeaders.CONTENT_LANGUAGE)).as(path).isEqualTo(language);
        assertThat(response.getContentAsByteArray().length).as(path).isLessThan(100 * 1024);
        Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("html").attr("lang")).as(path).isEqualTo(language);
        assertThat(page.select("html").attr("dir")).as(path)
                .isEqualTo(HelpTexts.RIGHT_TO_LEFT.contains(language) ? "rtl" : "ltr");
        assertThat(page.select(".govuk-warning-text a").eachAttr("href")).as(path).containsExactly("tel:999");
        assertThat(page.select("#numbers a").eachAttr("href")).as(path).containsExactly("tel:101",
                "tel:08000121700", "tel:0800555111");
        assertThat(page.select("#numbers a").eachText()).containsExactly("101", "08000 121 700", "0800 555 111");
        assertThat(page.select(".govuk-exit-this-page a").attr("href")).as(path)
                .isEqualTo("https://www.bbc.co.uk/weather");
        assertThat(page.select(".govuk-exit-this-page a").text()).as(path).isNotBlank();
        assertThat(page.select(".wm-header__name").attr("href")).as(path).isEqualTo("/help/" + language);
        assertThat(page.select("a[href^=/sign-in], a[href=/], a[href^=/api-docs]")).as(path).isEmpty();
        return page;
    }

    @Test
    void theGuidanceComesFirstThenTheFormThenAReference() throws Exception {
        MockHttpServletResponse form = mvc.perform(get("/report")).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getHeaders("Set-Cookie")).isEmpty();
        Document page = Jsoup.parse(form.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("h1").text()).isEqualTo("Report information about trafficking");
        assertThat(page.select(".govuk-warning-text").text()).contains("In an emergency, call 999.");
        assertThat(page.select("#numbers").text()).contains("101", "08000 121 700", "0800 555 111");
        assertThat(page.select("main").text().indexOf("999")).isLessThan(page.select("main").text()
                .indexOf("What happened?"));
        assertThat(mvc.perform(get("/report/")).andReturn().getResponse().getHeaders("Set-Cookie"))
                .as("a trailing slash sets no cookie either").isEmpty();

        Document sent = page(from("10.0.0.1", post("/report").param("what", "A man took the passports of two "
                + "young women at gate 12").param("where", "Stansted, gate 12").param("contact", "")));

        assertThat(sent.select("h1").text()).isEqualTo("Report sent");
        String reference = sent.select("#reference").text();
        assertThat(reference).matches(REFERENCE);
        assertThat(jdbc.sql("SELECT what, contact FROM public_report WHERE reference = ?").param(reference).query()
                .singleRow()).containsEntry("WHAT", "A man took the passports of two young women at gate 12")
                .containsEntry("CONTACT", null);
    }

    @Test
    void mistakesAreNamedAndWhatWasTypedIsKept() throws Exception {
        Document empty = page(from("10.0.0.2", post("/report").param("where", "Terminal 1")));
        assertThat(empty.title()).startsWith("Error: Report information");
        assertThat(empty.select(".govuk-error-summary a").eachText()).containsExactly("Tell us what happened");
        assertThat(empty.select("input#where").val()).isEqualTo("Terminal 1");

        Document tooLong = page(from("10.0.0.2", post("/report").param("what", "x".repeat(5_001))));
        assertThat(tooLong.select(".govuk-error-summary a").eachText())
                .containsExactly("What happened must be 5,000 characters or fewer");
    }

    @Test
    void aBotThatFillsTheHiddenFieldIsThankedAndNothingIsKept() throws Exception {
        long before = reports();

        Document page = page(from("10.0.0.3", post("/report").param("what", "Buy cheap watches")
                .param("website", "http://spam.example")));

        assertThat(page.select("#reference").text()).matches(REFERENCE);
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void anAddressGetsFiveReportsInTenMinutesThenAClearPageAndA429() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(status(from("10.0.0.4", post("/report").param("what", "Report " + i)))).isEqualTo(200);
        }
        MockHttpServletResponse sixth = mvc.perform(from("10.0.0.4", post("/report").param("what", "Again")))
                .andReturn().getResponse();

        assertThat(sixth.getStatus()).isEqualTo(429);
        assertThat(Jsoup.parse(sixth.getContentAsString(StandardCharsets.UTF_8)).select("h1").text())
                .isEqualTo("Too many reports from this connection");
        assertThat(status(from("10.0.0.5", post("/report").param("what", "Another address")))).isEqualTo(200);
    }

    @Test
    void anIpv6ClientThatTakesAFreshAddressFromItsNetworkForEachReportIsStillLimited() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(status(from("2001:db8:4:4::" + i, post("/report").param("what", "Report " + i))))
                    .isEqualTo(200);
        }

        assertThat(status(from("2001:db8:4:4:a:b:c:d", post("/report").param("what", "Again")))).isEqualTo(429);
        assertThat(status(from("2001:db8:4:5::1", post("/report").param("what", "Another network"))))
                .isEqualTo(200);
    }

    @Test
    void theApiTakesAReportWithoutATokenAndAnswersInProblemJson() throws Exception {
        MockHttpServletResponse created = mvc.perform(from("10.0.1.1", post("/api/v1/public/reports")
                .contentType(MediaType.APPLICATION_JSON).content("{\"what\": \"Two girls, one adult, no luggage\"}")))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString()).matches("\\{\"reference\":\"" + REFERENCE + "\"}");

        MockHttpServletResponse bad = mvc.perform(from("10.0.1.1", post("/api/v1/public/reports")
                .contentType(MediaType.APPLICATION_JSON).content("{\"where\": \"Gate 3\"}"))).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).startsWith("application/problem+json");
        assertThat(bad.getContentAsString()).contains("\"field\":\"what\"", "Tell us what happened");

        for (int i = 0; i < 4; i++) {
            mvc.perform(from("10.0.1.1", post("/api/v1/public/reports").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"what\": \"again\"}")));
        }
        MockHttpServletResponse limited = mvc.perform(from("10.0.1.1", post("/api/v1/public/reports")
                .contentType(MediaType.APPLICATION_JSON).content("{\"what\": \"once more\"}"))).andReturn()
                .getResponse();
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentType()).startsWith("application/problem+json");
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private long reports() {
        return jdbc.sql("SELECT COUNT(*) FROM public_report").query(Long.class).single();
    }
}
