package org.waymark.platform;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves GOV.UK Frontend's styles, scripts and images from its webjar. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String GOVUK_FRONTEND = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl week = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();
        registry.addResourceHandler("/govuk/**").addResourceLocations(GOVUK_FRONTEND).setCacheControl(week);
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_FRONTEND + "assets/")
                .setCacheControl(week);
    }
}
