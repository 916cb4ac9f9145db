package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.waymark.awareness.HelpTexts;

/**
 * The passengers' help, as a phone without an account gets it: each language in its own
 * script and direction, the numbers to call, the report form in the same language, a quick way
 * to leave, no cookie, nothing from elsewhere, and the whole page (with its stylesheet and its
 * one script) under 100 KB.
 */
class HelpPagesTest extends PageTests {

    /** A word of each page's heading that only its own script can write. */
    private static final Map<String, String> SCRIPT = Map.of("bg", "\\p{IsCyrillic}", "uk", "\\p{IsCyrillic}",
            "ru", "\\p{IsCyrillic}", "vi", "[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]",
            "ar", "\\p{IsArabic}", "ckb", "[ڕێۆڵە]");
    /** The help page's script and what it loads: GOV.UK Frontend's own bundles of the two components it uses. */
    private static final List<String> SCRIPTS = List.of("/js/exit-this-page.js",
            "/govuk/components/exit-this-page/exit-this-page.bundle.mjs", "/govuk/components/button/button.bundle.mjs");

    @Test
    void everyLanguageHasItsPageInItsOwnScriptWithTheNumbersToCall() throws Exception {
        assertThat(HelpTexts.LANGUAGES).hasSize(12).contains("ar", "ckb");
        for (String language : HelpTexts.LANGUAGES) {
            MockHttpServletResponse response = mvc.perform(get("/help/" + language)).andReturn().getResponse();
            assertThat(response.getStatus()).as(language).isEqualTo(200);
            assertThat(response.getHeaders("Set-Cookie")).as(language).isEmpty();
            assertThat(response.getHeader(HttpHeaders.CONTENT_LANGUAGE)).as(language).isEqualTo(language);
            Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));

            assertThat(page.select("html").attr("lang")).isEqualTo(language);
            assertThat(page.select("html").attr("dir")).as(language)
                    .isEqualTo(language.equals("ar") || language.equals("ckb") ? "rtl" : "ltr");
            assertThat(page.select("h1").text()).as(language).isNotBlank();
            if (SCRIPT.containsKey(language)) {
                assertThat(page.select("h1").text() + page.select("main").text()).as(language)
                        .containsPattern(SCRIPT.get(language));
            }
            assertThat(page.select(".numbers a").eachAttr("href")).containsExactly("tel:999", "tel:101",
                    "tel:08000121700", "tel:0800555111");
            assertThat(page.select(".now li a[href^=tel:]").eachAttr("href")).as(language)
                    .contains("tel:999", "tel:101", "tel:08000121700", "tel:0800555111");
            assertThat(page.select("main").text()).contains("999", "101", "08000 121 700", "0800 555 111");
            assertThat(page.select("#report-link").attr("href")).as(language).isEqualTo("/report/" + language);
            assertThat(page.select(".govuk-exit-this-page a").attr("href")).as(language)
                    .isEqualTo("https://www.bbc.co.uk/weather");
            assertThat(page.select(".languages a")).hasSize(HelpTexts.LANGUAGES.size());
            assertThat(page.select(".languages a").eachAttr("lang")).containsExactlyElementsOf(HelpTexts.LANGUAGES);
            assertThat(page.select(".languages a[aria-current=page]").attr("lang")).isEqualTo(language);
            assertThat(page.select("a[href^=/sign-in], a[href=/]")).as(language).isEmpty();
            assertThat(page.select("iframe, img")).isEmpty();
            assertThat(page.select(".demo")).as("DEMO is for the demo alone").isEmpty();
            assertThat(page.select("script").eachAttr("src")).containsExactly(SCRIPTS.get(0));
            assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/css/help.css");
            int loaded = size("/css/help.css");
            for (String script : SCRIPTS) {
                loaded += size(script);
            }
            assertThat(response.getContentAsByteArray().length + loaded).as(language).isLessThan(100 * 1024);
        }
    }

    @Test
    void theHelpOpensInTheBrowsersLanguageAndInEnglishWhenThereIsNoneOfIt() throws Exception {
        assertThat(chosen("bg,en;q=0.5")).isEqualTo("/help/bg");
        assertThat(chosen("de-DE,ar-EG;q=0.8,en;q=0.5")).isEqualTo("/help/ar");
        assertThat(chosen("ckb")).isEqualTo("/help/ckb");
        assertThat(chosen("de,fr;q=0.9")).isEqualTo("/help/en");
        assertThat(chosen(null)).isEqualTo("/help/en");
        assertThat(chosen("not a language list;;q=x")).isEqualTo("/help/en");

        Document bulgarian = page(get(chosen("bg,en;q=0.5")));
        assertThat(bulgarian.select("html").attr("lang")).isEqualTo("bg");
        assertThat(bulgarian.select("h1").text()).startsWith("Помощ за пътници");
    }

    @Test
    void aLanguageNotOfferedIsNotFoundInPlainWordsWithTheLanguagesThereAre() throws Exception {
        for (String path : List.of("/help/xx", "/report/xx", "/help/bg/anything", "/report/bg/sent/too")) {
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getHeaders("Set-Cookie")).as(path).isEmpty();
            Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));

            assertThat(page.select("h1").text()).isEqualTo("There is no page at this address");
            assertThat(page.select("main a[lang]")).hasSize(2 * HelpTexts.LANGUAGES.size());
            assertThat(page.select("main a[lang=ar]").eachAttr("href")).containsExactly("/help/ar", "/report/ar");
            assertThat(page.select("main a[lang=ar]").first().text()).isEqualTo("العربية");
            assertThat(page.select(".govuk-exit-this-page a").attr("href")).isEqualTo("https://www.bbc.co.uk/weather");
            assertThat(page.select("a[href^=/sign-in], a[href=/], nav.wm-header__nav")).as(path).isEmpty();
            assertThat(page.text()).doesNotContainIgnoringCase("sign in");
        }
    }

    private String chosen(String acceptLanguage) throws Exception {
        var request = get("/help");
        if (acceptLanguage != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
        return response.getRedirectedUrl();
    }

    private int size(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsByteArray().length;
    }
}
