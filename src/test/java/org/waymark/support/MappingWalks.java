package org.waymark.support;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tests that walk every page and endpoint of Waymark in process, through MockMvc, on H2 and on
 * PostgreSQL, each class with a database of its own and the scheduled jobs off: {@link #given}
 * makes the records a walk needs, and {@link #mappings()} says what there is to walk.
 */
@SpringBootTest(properties = "waymark.scheduling.enabled=false")
@AutoConfigureMockMvc
@Import(Fixtures.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MappingWalks extends DatabaseTests {

    @Autowired
    protected Fixtures given;
    @Autowired
    protected MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    /** Waymark's own mappings (not the framework's), each with the method that handles it. */
    protected Map<RequestMappingInfo, HandlerMethod> mappings() {
        return handlerMapping.getHandlerMethods().entrySet().stream()
                .filter(mapping -> mapping.getValue().getBeanType().getName().startsWith("org.waymark."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
