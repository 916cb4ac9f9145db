package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.support.TestDatabases;

/**
 * In the demo, every public page says so, as the staff pages do, once: nobody should report for
 * real there. The staff layout says it in its phase banner, the GOV.UK way, and not in its header too.
 */
@SpringBootTest(properties = { "waymark.demo.password=demo password for the tests", "waymark.scheduling.enabled=false" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class PublicPagesInTheDemoTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void everyPublicPageSaysDemo() throws Exception {
        for (String path : List.of("/help/en", "/help/ar", "/report", "/report/bg", "/help/xx", "/sign-in")) {
            Document page = Jsoup.parse(mvc.perform(get(path)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select("strong:containsOwn(DEMO)")).as(path + ": once, not in the header as well")
                    .hasSize(1);
        }
        Document staff = Jsoup.parse(mvc.perform(get("/sign-in")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(staff.select(".govuk-phase-banner strong:containsOwn(DEMO)")).as("the staff layout's phase banner")
                .hasSize(1);
        Document bulgarian = Jsoup.parse(mvc.perform(get("/report/bg")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(bulgarian.select(".govuk-phase-banner").text()).contains("Това е демонстрация");
    }
}
