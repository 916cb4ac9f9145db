package org.waymark.platform;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.webjars.WebJarVersionLocator;

/**
 * Serves GOV.UK Frontend's assets from its webjar, speaks JSON only, and finds controller methods
 * by their paths first.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** GOV.UK Frontend's files in its webjar, at the version the build brings (pom.xml names it once). */
    static final String GOVUK_FRONTEND = "classpath:/" + WebJarVersionLocator.WEBJARS_PATH_PREFIX + "/govuk-frontend/"
            + Objects.requireNonNull(new WebJarVersionLocator().version("govuk-frontend"),
                    "GOV.UK Frontend's webjar is not on the class path")
            + "/dist/govuk/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl week = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();
        registry.addResourceHandler("/govuk/**").addResourceLocations(GOVUK_FRONTEND).setCacheControl(week);
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_FRONTEND + "assets/")
                .setCacheControl(week);
    }

    /**
     * A YAML library arrives with the OpenAPI tooling; without this, the API would also accept
     * YAML, which is undocumented and escapes the strict JSON rules.
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(converter -> converter
                .getSupportedMediaTypes().stream().anyMatch(type -> type.getSubtype().contains("yaml"))));
    }

    /** Configured by Spring Boot like its own: only the binder of forms differs. */
    @Bean
    WebMvcRegistrations webMvcRegistrations() {
        return new WebMvcRegistrations() {
            /** Every form is bound by {@link FormText.Binder}. */
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new RequestMappingHandlerAdapter() {
                    @Override
                    protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> methods) {
                        return new ServletRequestDataBinderFactory(methods, getWebBindingInitializer()) {
                            @Override
                            protected ServletRequestDataBinder createBinderInstance(Object target, String name,
                                    NativeWebRequest request) {
                                return new FormText.Binder(target, name);
                            }
                        };
                    }
                };
            }
        };
    }
}
