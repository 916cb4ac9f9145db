package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.operation.ExploitationType;
import org.waymark.shared.OperationId;

/** With Waymark's address set, the QR codes hold it, wherever the coordinator opened Waymark. */
@TestPropertySource(properties = "waymark.base-url=https://waymark.example/")
class MaterialsAtTheSetAddressPagesTest extends PageTests {

    private static final String COORDINATOR = "coordinator@set-address.test";

    @Test
    void eachQrCodeHoldsTheAddressSet() throws Exception {
        var police = given.agency("Set Address Police", AgencyType.POLICE);
        given.user("Cleo Coordinator", COORDINATOR, police, Role.COORDINATOR);
        OperationId operation = given.operation().named("Week of action: Luton Airport").at("LTN")
                .between(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 9)).on(ExploitationType.LABOUR).from("RO")
                .plannedBy(principal(COORDINATOR));
        String materials = "/operations/" + operation.value() + "/materials";

        Document list = page(as(COORDINATOR, get(materials).with(request -> {
            request.setServerName("10.0.0.7");
            request.setServerPort(8080);
            return request;
        })));
        assertThat(list.select("#language-bg td").last().text()).isEqualTo("https://waymark.example/help/bg");
        byte[] poster = mvc.perform(as(COORDINATOR, get(materials + "/bg/poster.pdf"))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(MaterialsPagesTest.pdfText(poster)).contains("https://waymark.example/help/bg")
                .doesNotContain("localhost");
    }
}
