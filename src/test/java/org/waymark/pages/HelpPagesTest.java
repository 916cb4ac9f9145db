package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.waymark.awareness.HelpTexts;

/**
 * The passengers' help, as a phone without an account gets it: each language in its own
 * script, the numbers to call, no cookie, nothing from elsewhere, and the whole page (with its
 * stylesheet) under 100 KB.
 */
class HelpPagesTest extends PageTests {

    /** A word of each page's heading that only its own script can write. */
    private static final Map<String, String> SCRIPT = Map.of("bg", "\\p{IsCyrillic}", "uk", "\\p{IsCyrillic}",
            "ru", "\\p{IsCyrillic}", "vi", "[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]");

    @Test
    void everyLanguageHasItsPageInItsOwnScriptWithTheNumbersToCall() throws Exception {
        for (String language : HelpTexts.LANGUAGES) {
            MockHttpServletResponse response = mvc.perform(get("/help/" + language)).andReturn().getResponse();
            assertThat(response.getStatus()).as(language).isEqualTo(200);
            assertThat(response.getHeaders("Set-Cookie")).as(language).isEmpty();
            Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));

            assertThat(page.select("html").attr("lang")).isEqualTo(language);
            assertThat(page.select("h1").text()).as(language).isNotBlank();
            if (SCRIPT.containsKey(language)) {
                assertThat(page.select("h1").text() + page.select("main").text()).as(language)
                        .containsPattern(SCRIPT.get(language));
            }
            assertThat(page.select(".numbers a").eachAttr("href")).containsExactly("tel:999", "tel:101",
                    "tel:08000121700", "tel:08005551111");
            assertThat(page.select("main").text()).contains("999", "101", "08000 121 700", "0800 555 111");
            assertThat(page.select(".languages a")).hasSize(HelpTexts.LANGUAGES.size());
            assertThat(page.select(".languages a[aria-current=page]").attr("lang")).isEqualTo(language);
            assertThat(page.select("script, iframe, img")).isEmpty();
            assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/css/help.css");
            int css = mvc.perform(get("/css/help.css")).andReturn().getResponse().getContentAsByteArray().length;
            assertThat(response.getContentAsByteArray().length + css).as(language).isLessThan(100 * 1024);
        }
    }

    @Test
    void aLanguageNotOfferedIsNotFoundAndTheChooserStartsInEnglish() throws Exception {
        assertThat(status(get("/help/xx"))).isEqualTo(404);
        assertThat(mvc.perform(get("/help")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/help/en");
    }
}
