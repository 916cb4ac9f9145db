package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Waymark finds controller methods by their paths first; every request must still reach what
 * Spring MVC's own mapping would choose, or fail as it would (404, 405, 415).
 */
@SpringBootTest
@AutoConfigureMockMvc
class RequestRoutingTest extends PageTests {

    private static final String ID = "0b7c6a52-3b8e-4a51-9d7e-5d2f0e8c1a11";
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void everyPathAndMethodReachesWhatSpringMvcWouldChoose() throws Exception {
        assertThat(mapping.getClass()).as("the path-first mapping is in use")
                .isNotEqualTo(RequestMappingHandlerMapping.class);
        RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        spring.setPatternParser(mapping.getPatternParser());
        spring.setContentNegotiationManager(mapping.getContentNegotiationManager());
        spring.setEmbeddedValueResolver(new EmbeddedValueResolver(context.getBeanFactory()));
        spring.setApplicationContext(context);
        spring.afterPropertiesSet();
        assertThat(spring.getHandlerMethods()).hasSameSizeAs(mapping.getHandlerMethods());

        List<String> paths = new ArrayList<>(List.of("/", "", "/nowhere", "/api/v1/nowhere/1", "//api/v1/agencies"));
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString().replaceAll("\\{[^}]*}", ID).replace("**", "x/y")
                        .replace("*", "x");
                paths.add(path);
                paths.add(path + "/");
                paths.add(path.toUpperCase(Locale.ROOT));
                paths.add(path + ";jsessionid=1");
                paths.add(path.replaceFirst("/([^/]*)$", "/%20$1"));
                paths.add(path.replace("/", "//"));
            }
        }
        int found = 0;
        for (String path : paths) {
            for (String method : METHODS) {
                for (String contentType : new String[] { null, "application/json", "text/csv", "text/plain" }) {
                    String ours = outcome(mapping, method, path, contentType);
                    String theirs = outcome(spring, method, path, contentType);
                    assertThat(ours).as("%s %s (%s)", method, path, contentType).isEqualTo(theirs);
                    found += ours.startsWith("handler ") ? 1 : 0;
                }
            }
        }
        assertThat(found).as("requests that reached a controller method")
                .isGreaterThan(mapping.getHandlerMethods().size());
    }

    private static String outcome(RequestMappingHandlerMapping mapping, String method, String path, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType);
            request.setContent("{}".getBytes());
        }
        request.addHeader("Accept", "*/*");
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none"
                    : chain.getHandler() instanceof HandlerMethod handler ? "handler " + handler.getMethod()
                            : "other " + chain.getHandler().getClass().getName();
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }
}
