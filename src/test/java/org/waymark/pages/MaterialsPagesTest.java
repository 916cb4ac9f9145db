package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.operation.ExploitationType;
import org.waymark.shared.OperationId;
import org.waymark.support.WebBrowser;

/**
 * Posters and pocket cards: listed and downloaded by a coordinator, refused to everyone else.
 * With no address set for Waymark, the QR codes hold the address the coordinator opened it at,
 * as the page says next to each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MaterialsPagesTest extends PageTests {

    private static final String COORDINATOR = "coordinator@materials.test";
    private static final String OFFICER = "officer@materials.test";
    private static final String PARTNER = "partner@materials.test";
    private static final String OTHER_FORCE = "coordinator@other-force.test";

    @LocalServerPort
    int port;

    OperationId operation;
    String materials;

    @BeforeAll
    void data() {
        var police = given.agency("Materials Police", AgencyType.POLICE);
        var charity = given.agency("Materials Charity", AgencyType.CHARITY);
        given.user("Cleo Coordinator", COORDINATOR, police, Role.COORDINATOR);
        given.user("Olu Officer", OFFICER, police, Role.OFFICER);
        given.user("Nia Navigator", PARTNER, charity, Role.PARTNER);
        var otherForce = given.agency("Other Police", AgencyType.POLICE);
        given.user("Kit Coordinator", OTHER_FORCE, otherForce, Role.COORDINATOR);
        operation = given.operation().named("Week of action: Luton Airport").at("LTN")
                .between(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 9)).on(ExploitationType.LABOUR).from("RO")
                .withPartners(charity).plannedBy(principal(COORDINATOR));
        materials = "/operations/" + operation.value() + "/materials";
    }

    @Test
    void aCoordinatorListsEveryLanguageAndDownloadsAPoster() throws Exception {
        Document operationPage = page(as(COORDINATOR, get("/operations/" + operation.value())));
        assertThat(operationPage.select(".wm-actions a[href=" + materials + "]").text())
                .isEqualTo("Posters and pocket cards");

        Document list = page(as(COORDINATOR, get(materials)));
        assertThat(list.select("h1").text()).isEqualTo("Posters and pocket cards");
        assertThat(list.select(".govuk-back-link").attr("href")).isEqualTo("/operations/" + operation.value());
        assertThat(list.select("#materials tbody tr")).hasSize(12);
        assertThat(list.select("#language-ar th").text()).isEqualTo("العربية");
        assertThat(list.select("#language-ar a")).as("Arabic script does not print as written yet").isEmpty();
        assertThat(list.select("#language-ckb td").text()).startsWith("Not yet on paper");
        assertThat(list.select("#language-bg th").text()).isEqualTo("Български");
        assertThat(list.select("#language-bg a").eachAttr("href")).containsExactly(
                materials + "/bg/poster.pdf", materials + "/bg/card.pdf");
        assertThat(list.select("#language-bg a").get(0).ownText()).isEqualTo("Poster (PDF)");

        MockHttpServletResponse poster = mvc.perform(as(COORDINATOR, get(materials + "/bg/poster.pdf")))
                .andReturn().getResponse();
        assertThat(poster.getStatus()).isEqualTo(200);
        assertThat(poster.getContentType()).isEqualTo("application/pdf");
        assertThat(poster.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment").contains("waymark-poster-bg.pdf");
        assertThat(new String(poster.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");

        MockHttpServletResponse card = mvc.perform(as(COORDINATOR, get(materials + "/ro/card.pdf")))
                .andReturn().getResponse();
        assertThat(card.getStatus()).isEqualTo(200);
        assertThat(card.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("waymark-card-ro.pdf");
        assertThat(status(as(COORDINATOR, get(materials + "/xx/poster.pdf")))).isEqualTo(404);
        assertThat(status(as(COORDINATOR, get(materials + "/ar/poster.pdf")))).isEqualTo(404);
    }

    /** Opened over HTTP on this test's random port, the QR codes and the page hold that port's address. */
    @Test
    void eachQrCodeHoldsTheAddressWaymarkWasOpenedAt() throws Exception {
        String address = "http://localhost:" + port;
        WebBrowser browser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS).signIn(COORDINATOR, PASSWORD);

        Document list = browser.get(materials).page();
        assertThat(list.select("#materials thead th").eachText()).last().isEqualTo("QR code opens");
        assertThat(list.select("#language-bg td").last().text()).isEqualTo(address + "/help/bg");
        assertThat(list.select("#language-ro td").last().text()).isEqualTo(address + "/help/ro");
        assertThat(list.select("#qr-address-hint").text()).startsWith("Each QR code opens the address shown");
        assertThat(pdfText(browser.download(materials + "/bg/poster.pdf"))).contains(address + "/help/bg");
        assertThat(pdfText(browser.download(materials + "/ro/card.pdf"))).contains(address + "/help/ro");

        assertThat(page(as(COORDINATOR, get(materials).with(request -> {
            request.setScheme("https");
            request.setServerName("waymark.stansted.example");
            request.setServerPort(8443);
            return request;
        }))).select("#language-bg td").last().text()).as("wherever it was opened")
                .isEqualTo("https://waymark.stansted.example:8443/help/bg");
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void officersAndPartnersAreRefused() throws Exception {
        for (String user : new String[] { OFFICER, PARTNER }) {
            assertThat(status(as(user, get(materials)))).as(user).isEqualTo(403);
            assertThat(status(as(user, get(materials + "/en/poster.pdf")))).as(user).isEqualTo(403);
            assertThat(status(as(user, get(materials + "/en/card.pdf")))).as(user).isEqualTo(403);
        }
        Document operationPage = page(as(OFFICER, get("/operations/" + operation.value())));
        assertThat(operationPage.select("a[href=" + materials + "]")).isEmpty();
    }

    @Test
    void anotherForceAndAnUnknownOperationAreNotFound() throws Exception {
        String unknown = "/operations/" + UUID.randomUUID() + "/materials";
        for (String page : List.of(materials, materials + "/en/poster.pdf", materials + "/en/card.pdf")) {
            assertThat(status(as(OTHER_FORCE, get(page)))).as(page).isEqualTo(404);
        }
        for (String page : List.of(unknown, unknown + "/en/poster.pdf", unknown + "/en/card.pdf")) {
            assertThat(status(as(COORDINATOR, get(page)))).as(page).isEqualTo(404);
        }
    }
}
