package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.waymark.audit.AuditLog;
import org.waymark.flight.Flights;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.support.Fixtures;
import org.waymark.support.OnBothDatabases;
import org.waymark.support.TestDatabases;

/**
 * Pages requested as a signed-in user and read as a person would, with jsoup, on H2 and on
 * PostgreSQL. The page test classes share one application and its database: each makes records
 * and people of its own, named its own way.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import({ PageTests.MockMvcSessions.class, Fixtures.class })
@OnBothDatabases
abstract class PageTests {

    /**
     * MockMvc keeps its own session between requests (for the email typed at a failed sign-in
     * and for flash attributes), which the database sessions that Waymark keeps would not see.
     * Requests made through MockMvc therefore go past the database session filter; requests over
     * HTTP to the running server, in these tests too, and the browser journeys use it as
     * Waymark does.
     */
    @TestConfiguration
    static class MockMvcSessions {
        @Bean
        MockMvcBuilderCustomizer mockMvcKeepsItsOwnSession() {
            return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
                    .requestAttr("org.springframework.session.web.http.SessionRepositoryFilter.FILTERED", true));
        }
    }

    static final String PASSWORD = Fixtures.PASSWORD;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.inUse(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Fixtures given;

    // The services the page tests make their records with and read the audit log from.
    @Autowired
    Flights flights;
    @Autowired
    Checks checks;
    @Autowired
    SupportRequests requests;
    @Autowired
    AuditLog audit;

    WaymarkUser principal(String email) {
        return given.principal(email);
    }

    <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String email, B request) {
        return request.with(user(accounts.loadUserByUsername(email)));
    }

    int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** A request of a page, for the user with this email (a change may first make a record of its own). */
    interface Page {
        MockHttpServletRequestBuilder request(String who) throws Exception;
    }

    /**
     * For each page, by name, the status it answers each of these users with, in their order: each
     * request made as the user, with a CSRF token, as the browser sends it.
     */
    Map<String, List<Integer>> statuses(Map<String, Page> pages, List<String> people) throws Exception {
        Map<String, List<Integer>> statuses = new LinkedHashMap<>();
        for (var page : pages.entrySet()) {
            List<Integer> answers = new ArrayList<>();
            for (String who : people) {
                answers.add(status(as(who, page.getValue().request(who)).with(csrf())));
            }
            statuses.put(page.getKey(), answers);
        }
        return statuses;
    }

    /**
     * The page's tables that become cards on a phone (ADR 0034), of which there must be some: each
     * cell of a row names its column as the table's header does (a column of buttons or links,
     * whose header is hidden, names none), and each table stands in a named region reached by
     * keyboard. The names of the columns, table by table.
     */
    static List<List<String>> cardsNamingTheirColumns(Document page) {
        Elements tables = page.select("table.wm-table--cards");
        assertThat(tables).as("tables shown as cards on a phone").isNotEmpty();
        List<List<String>> names = new ArrayList<>();
        for (Element table : tables) {
            Element box = table.parent();
            assertThat(box.attr("tabindex")).as("the box of " + table.cssSelector()).isEqualTo("0");
            assertThat(box.attr("role")).isEqualTo("region");
            assertThat(box.attr("aria-label") + box.attr("aria-labelledby")).isNotBlank();
            List<String> columns = table.select("thead th").stream()
                    .map(header -> header.select(".govuk-visually-hidden").size() == 1 && header.ownText().isBlank()
                            ? "" : header.text())
                    .toList();
            for (Element row : table.select("tbody tr")) {
                Elements cells = row.children();
                if (cells.size() == columns.size()) {
                    for (int i = 0; i < cells.size(); i++) {
                        assertThat(cells.get(i).attr("data-label")).as("cell " + i + " of " + row.text())
                                .isEqualTo(columns.get(i));
                    }
                }
            }
            names.add(columns);
        }
        return names;
    }

    /** The page, which must have answered 200. */
    Document page(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }
}
