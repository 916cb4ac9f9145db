package org.waymark.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description: what the API is and how to authenticate, so "Try it out" works. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI waymarkOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Waymark API").version("v1").description("""
                        Operations, agencies, users and the audit log of Waymark. Get a token with \
                        POST /api/v1/tokens and HTTP Basic (your email and password), then send it as \
                        Authorization: Bearer <token>. Errors are RFC 9457 problem JSON. PUT replaces \
                        the whole record: send every field."""))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("A token from POST /api/v1/tokens"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Email and password; only for POST /api/v1/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
