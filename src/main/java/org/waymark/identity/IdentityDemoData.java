package org.waymark.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo only: the partners of the Stansted week of action and one user of each role. Runs on
 * every start of the demo profile; on a database that has them it only resets the demo
 * passwords, so that the password printed is always the one that works.
 */
@Component
@Profile("demo")
@Order(10)
class IdentityDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityDemoData.class);

    static final String ESSEX_POLICE = "Essex Police";

    record DemoAgency(String name, AgencyType type) {
    }

    /** A demo user; the phone numbers are from the range Ofcom keeps for drama, which reaches nobody. */
    record DemoUser(String name, String email, String agency, Set<Role> roles, String phone) {
    }

    static final List<DemoAgency> AGENCIES = List.of(
            new DemoAgency(ESSEX_POLICE, AgencyType.POLICE),
            new DemoAgency("Border Force", AgencyType.BORDER_FORCE),
            new DemoAgency("Eastern Region Special Operations Unit", AgencyType.ROCU),
            new DemoAgency("Sexual Assault Referral Centre", AgencyType.SARC),
            new DemoAgency("Justice & Care", AgencyType.CHARITY),
            new DemoAgency("Port Interpreting Service", AgencyType.OTHER));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("Dana Admin", "admin@demo.waymark.test", ESSEX_POLICE, EnumSet.of(Role.ADMIN), null),
            new DemoUser("Chris Coordinator", "coordinator@demo.waymark.test", ESSEX_POLICE,
                    EnumSet.of(Role.COORDINATOR), "07700 900101"),
            new DemoUser("Olu Officer", "officer@demo.waymark.test", ESSEX_POLICE, EnumSet.of(Role.OFFICER),
                    "07700 900102"),
            new DemoUser("Bea Border Officer", "borderforce@demo.waymark.test", "Border Force",
                    EnumSet.of(Role.OFFICER), "07700 900103"),
            new DemoUser("Nia Navigator", "partner@demo.waymark.test", "Justice & Care", EnumSet.of(Role.PARTNER),
                    "07700 900104"),
            new DemoUser("Sam SARC Worker", "sarc@demo.waymark.test", "Sexual Assault Referral Centre",
                    EnumSet.of(Role.PARTNER), "07700 900105"),
            new DemoUser("Ari Analyst", "analyst@demo.waymark.test", ESSEX_POLICE, EnumSet.of(Role.ANALYST), null));

    private final AgencyRepository agencies;
    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String configuredPassword;

    IdentityDemoData(AgencyRepository agencies, UserAccountRepository users, PasswordEncoder passwordEncoder,
            Clock clock, @Value("${waymark.demo.password:}") String configuredPassword) {
        this.agencies = agencies;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String password = configuredPassword.isBlank() ? PasswordPolicy.generate() : configuredPassword;
        PasswordPolicy.check(password, "WAYMARK_DEMO_PASSWORD");
        String hash = passwordEncoder.encode(password);
        for (DemoAgency demo : AGENCIES) {
            if (!agencies.existsByNameKey(Agency.nameKey(demo.name()))) {
                agencies.save(Agency.create(demo.name(), demo.type(), null, clock.instant()));
            }
        }
        List<Agency> all = agencies.findAll();
        StringBuilder accounts = new StringBuilder();
        for (DemoUser demo : USERS) {
            Agency agency = all.stream().filter(a -> a.summary().name().equals(demo.agency())).findFirst()
                    .orElseThrow();
            UserAccount user = users.findByEmail(demo.email()).orElseGet(() -> UserAccount.create(demo.name(),
                    demo.email(), agency.id(), demo.roles(), hash, clock.instant()));
            user.changePassword(hash);
            user.changePhone(demo.phone());
            user.reactivate();
            users.save(user);
            accounts.append(String.format("%n  %-32s %-12s %s", demo.email(), demo.roles().iterator().next(),
                    demo.agency()));
        }
        log.warn("""

                DEMO MODE: demo accounts, all with the password {}{}
                """, password, accounts);
    }
}
