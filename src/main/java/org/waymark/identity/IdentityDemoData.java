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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.Actor;

/**
 * Demo only: the partners of the Stansted week of action and one user of each role, with an
 * airline whose gateway sends passenger data. The passenger data user's access is recorded in
 * the audit log with its reason, as an administrator's would be. Runs on
 * every start of the demo profile; on a database that has them it only resets the demo
 * passwords, so that the password printed is always the one that works.
 */
@Component
@Profile("demo")
@Order(10)
class IdentityDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityDemoData.class);

    static final String ESSEX_POLICE = "Essex Police";
    static final String BORDER_FORCE = "Border Force";
    static final String AIRLINE = "Aurora Airways";
    static final String ADMIN_EMAIL = "admin@demo.waymark.test";
    /** Why the demo's Passenger Information Unit analyst has passenger data, as an administrator would say. */
    static final String PASSENGER_DATA_REASON = "PIU analyst, Border Force Stansted, authorised by the Border Force "
            + "Higher Officer in charge of the Stansted PIU for the week of action";
    /** The second analyst: screening rules are enabled by someone other than who back-tested them. */
    static final String SECOND_PASSENGER_DATA_REASON = "PIU analyst, Border Force Stansted, second reviewer of "
            + "screening rules, authorised by the Border Force Higher Officer in charge of the Stansted PIU for the "
            + "week of action";
    static final String SECOND_PIU_EMAIL = "piu2@demo.waymark.test";

    record DemoAgency(String name, AgencyType type) {
    }

    /**
     * A demo user; the phone numbers are from the range Ofcom keeps for drama, which reaches nobody.
     * The demo airline is made up, as its name says nothing of a real one.
     */
    record DemoUser(String name, String email, String agency, Set<Role> roles, String phone) {
    }

    static final List<DemoAgency> AGENCIES = List.of(
            new DemoAgency(ESSEX_POLICE, AgencyType.POLICE),
            new DemoAgency(BORDER_FORCE, AgencyType.BORDER_FORCE),
            new DemoAgency("Eastern Region Special Operations Unit", AgencyType.ROCU),
            new DemoAgency("Sexual Assault Referral Centre", AgencyType.SARC),
            new DemoAgency("Justice & Care", AgencyType.CHARITY),
            new DemoAgency("Port Interpreting Service", AgencyType.OTHER),
            new DemoAgency(AIRLINE, AgencyType.OTHER));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("Dana Admin", ADMIN_EMAIL, ESSEX_POLICE, EnumSet.of(Role.ADMIN), null),
            new DemoUser("Chris Coordinator", "coordinator@demo.waymark.test", ESSEX_POLICE,
                    EnumSet.of(Role.COORDINATOR), "07700 900101"),
            new DemoUser("Olu Officer", "officer@demo.waymark.test", ESSEX_POLICE, EnumSet.of(Role.OFFICER),
                    "07700 900102"),
            new DemoUser("Bea Border Officer", "borderforce@demo.waymark.test", BORDER_FORCE,
                    EnumSet.of(Role.OFFICER), "07700 900103"),
            new DemoUser("Nia Navigator", "partner@demo.waymark.test", "Justice & Care", EnumSet.of(Role.PARTNER),
                    "07700 900104"),
            new DemoUser("Sam SARC Worker", "sarc@demo.waymark.test", "Sexual Assault Referral Centre",
                    EnumSet.of(Role.PARTNER), "07700 900105"),
            new DemoUser("Ari Analyst", "analyst@demo.waymark.test", ESSEX_POLICE, EnumSet.of(Role.ANALYST), null),
            new DemoUser("Priya PIU Analyst", "piu@demo.waymark.test", BORDER_FORCE, EnumSet.of(Role.PASSENGER_DATA),
                    null),
            new DemoUser("Theo PIU Analyst", SECOND_PIU_EMAIL, BORDER_FORCE, EnumSet.of(Role.PASSENGER_DATA),
                    null),
            new DemoUser("Aurora Airways gateway", "gateway@demo.waymark.test", AIRLINE,
                    EnumSet.of(Role.CARRIER_GATEWAY), null));

    private final AgencyRepository agencies;
    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String configuredPassword;

    IdentityDemoData(AgencyRepository agencies, UserAccountRepository users, PasswordEncoder passwordEncoder,
            Clock clock, ApplicationEventPublisher events, @Value("${waymark.demo.password:}") String configuredPassword) {
        this.agencies = agencies;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
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
            var existing = users.findByEmail(demo.email());
            UserAccount user = existing.orElseGet(() -> UserAccount.create(demo.name(),
                    demo.email(), agency.id(), demo.roles(), hash, clock.instant()));
            user.changePassword(hash);
            user.changePhone(demo.phone());
            user.reactivate();
            users.save(user);
            if (existing.isEmpty() && demo.roles().contains(Role.PASSENGER_DATA)) {
                UserAccount admin = users.findByEmail(ADMIN_EMAIL).orElseThrow();
                events.publishEvent(new IdentityEvents.PassengerDataAccessGiven(user.id(),
                        demo.email().equals(SECOND_PIU_EMAIL) ? SECOND_PASSENGER_DATA_REASON : PASSENGER_DATA_REASON,
                        new Actor(admin.id(), admin.agencyId())));
            }
            accounts.append(String.format("%n  %-32s %-15s %s", demo.email(), demo.roles().iterator().next(),
                    demo.agency()));
        }
        log.warn("""

                DEMO MODE: demo accounts, all with the password {}{}
                """, password, accounts);
    }
}
