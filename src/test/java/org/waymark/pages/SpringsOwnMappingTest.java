package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * With {@code waymark.web.path-first-mapping=false} (to measure what the path-first mapping
 * saves), Spring MVC's own mapping finds the methods, and pages and the API answer as ever.
 */
@SpringBootTest(properties = "waymark.web.path-first-mapping=false")
@AutoConfigureMockMvc
class SpringsOwnMappingTest extends PageTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void springsOwnMappingServesPagesAndTheApi() throws Exception {
        assertThat(mapping.getClass()).isEqualTo(RequestMappingHandlerMapping.class);
        assertThat(status(get("/sign-in"))).isEqualTo(200);
        assertThat(status(get("/api/v1/operations/" + UUID.randomUUID() + "/engagements/total"))).isEqualTo(401);
    }
}
