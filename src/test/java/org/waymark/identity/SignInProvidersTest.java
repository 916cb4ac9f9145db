package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The providers as an operator configures them: environment variables named as the guide says. */
class SignInProvidersTest {

    private static SignInProviders from(Map<String, Object> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        MutablePropertySources sources = spring.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        SignInProviders.Settings settings = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("waymark", SignInProviders.Settings.class);
        return new SignInProviders(settings, Clock.systemUTC());
    }

    @Test
    void eachProviderIsReadFromItsEnvironmentVariables() {
        SignInProviders providers = from(Map.of("WAYMARK_OIDC_ESSEX_ISSUER", "https://login.example/essex/v2.0",
                "WAYMARK_OIDC_ESSEX_CLIENT_ID", "waymark-essex", "WAYMARK_OIDC_ESSEX_CLIENT_SECRET", "s3cret",
                "WAYMARK_OIDC_ESSEX_LABEL", "Essex Police", "WAYMARK_OIDC_ESSEX_AUDIENCE", "api://waymark",
                "WAYMARK_OIDC_ESSEX_MFA_ACR", "possessionorinherence,gold",
                "WAYMARK_OIDC_BF_ISSUER", "https://login.example/bf", "WAYMARK_OIDC_BF_CLIENT_ID", "waymark-bf",
                "WAYMARK_OIDC_BF_CLIENT_SECRET", "other"));

        assertThat(providers.offered()).containsExactly(new SignInProviders.Offered("bf", "bf"),
                new SignInProviders.Offered("essex", "Essex Police"));
        SignInProviders.Provider essex = providers.settings("essex");
        assertThat(essex.clientId()).isEqualTo("waymark-essex");
        assertThat(essex.clientSecret()).isEqualTo("s3cret");
        assertThat(essex.audience()).isEqualTo("api://waymark");
        assertThat(essex.mfaAcr()).isEqualTo(List.of("possessionorinherence", "gold"));
        assertThat(providers.byIssuer("https://login.example/essex/v2.0/")).hasValue("essex");
        assertThat(providers.byIssuer("https://login.example/other")).isEmpty();
        assertThat(providers.origins()).containsExactly("https://login.example");
    }

    @Test
    void aProviderWithoutItsClientIdOrSecretStopsTheStartSayingWhichSettingIsMissing() {
        assertThatThrownBy(() -> from(Map.of("WAYMARK_OIDC_ESSEX_ISSUER", "https://login.example/essex",
                "WAYMARK_OIDC_ESSEX_CLIENT_ID", "waymark")))
                .hasMessageContaining("WAYMARK_OIDC_ESSEX_CLIENT_SECRET must be set");
    }

    @Test
    void aProviderThatDoesNotAnswerIsNotAskedAgainForHalfAMinute() {
        SignInProviders providers = from(Map.of("WAYMARK_OIDC_ESSEX_ISSUER", "http://127.0.0.1:9/essex",
                "WAYMARK_OIDC_ESSEX_CLIENT_ID", "waymark", "WAYMARK_OIDC_ESSEX_CLIENT_SECRET", "s"));
        assertThat(providers.answering("essex")).isFalse();
        assertThat(providers.findByRegistrationId("essex")).isNull();
        assertThat(providers.findByRegistrationId("kent")).isNull();
    }
}
