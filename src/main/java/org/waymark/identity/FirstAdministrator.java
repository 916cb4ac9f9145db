package org.waymark.identity;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty database, creates the first administrator from WAYMARK_ADMIN_EMAIL and
 * WAYMARK_ADMIN_PASSWORD, or with a generated password that is printed this once.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    static final String DEFAULT_EMAIL = "admin@waymark.local";

    private final Users users;
    private final Agencies agencies;
    private final TwoFactor twoFactor;
    private final String email;
    private final String password;
    private final String agencyName;

    FirstAdministrator(Users users, Agencies agencies, TwoFactor twoFactor, @Value("${waymark.admin.email:}") String email,
            @Value("${waymark.admin.password:}") String password,
            @Value("${waymark.admin.agency:Waymark administration}") String agencyName) {
        this.users = users;
        this.agencies = agencies;
        this.twoFactor = twoFactor;
        this.email = email;
        this.password = password;
        this.agencyName = agencyName;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.any()) {
            return;
        }
        AgencySummary agency = agencies.all().stream().filter(a -> a.name().equalsIgnoreCase(agencyName)).findFirst()
                .orElseGet(() -> agencies.create(agencyName, AgencyType.OTHER, false, null));
        String adminEmail = email.isBlank() ? DEFAULT_EMAIL : email;
        var created = users.create("Administrator", adminEmail, agency.id(), EnumSet.of(Role.ADMIN), password, null);
        if (created.generatedPassword() != null) {
            log.warn("""

                    First administrator created: sign in as {} with the password {}
                    It is shown only this once; change it on your account page.{}
                    """, adminEmail, created.generatedPassword(), twoFactor.required()
                    ? "\nAt this first sign-in, Waymark asks you to set up an authenticator app." : "");
        } else {
            log.info("First administrator created: {}", adminEmail);
        }
    }
}
