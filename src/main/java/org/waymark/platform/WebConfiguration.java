package org.waymark.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.webjars.WebJarVersionLocator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves GOV.UK Frontend's assets from its webjar, speaks JSON only, finds controller methods
 * by their paths first, and writes pages in English unless a page says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** GOV.UK Frontend's files in its webjar, at the version the build brings (pom.xml names it once). */
    static final String GOVUK_FRONTEND = "classpath:/" + WebJarVersionLocator.WEBJARS_PATH_PREFIX + "/govuk-frontend/"
            + Objects.requireNonNull(new WebJarVersionLocator().version("govuk-frontend"),
                    "GOV.UK Frontend's webjar is not on the class path")
            + "/dist/govuk/";

    /** The request attribute holding the language a public page set. */
    private static final String PAGE_LOCALE = WebConfiguration.class.getName() + ".pageLocale";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl week = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();
        registry.addResourceHandler("/govuk/**").addResourceLocations(GOVUK_FRONTEND).setCacheControl(week);
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_FRONTEND + "assets/")
                .setCacheControl(week);
    }

    /**
     * The staff pages are in English whatever the browser asks for. A public page in a
     * passenger's language (the help, the report form) sets that language for the request with
     * {@link LocaleResolver#setLocale}: its messages, {@code <html lang>} and the
     * {@code Content-Language} header (which the dispatcher sets from this locale) then follow it.
     */
    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return request.getAttribute(PAGE_LOCALE) instanceof Locale locale ? locale : Locale.ENGLISH;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                request.setAttribute(PAGE_LOCALE, locale);
            }
        };
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
