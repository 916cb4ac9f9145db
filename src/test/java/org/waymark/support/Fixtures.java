package org.waymark.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.waymark.engagement.Engagement;
import org.waymark.engagement.Engagements;
import org.waymark.engagement.Tally;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.flight.ScheduledFlight;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.CoverKind;
import org.waymark.referral.ExploitationSubtype;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationDetails;
import org.waymark.operation.Operations;
import org.waymark.operation.Rota;
import org.waymark.referral.Consent;
import org.waymark.referral.ReferralPackage;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.Referrals;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequestView;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;

/**
 * What tests inside the application set up, made through Waymark's own services: agencies,
 * users as the principals the services take, operations, flights, tallies, cover on the rota,
 * checks, requests for support and referrals; with the defaults most tests want, so that a test
 * names only what it cares about. A test class, a module test's too, has it with
 * {@code @Import(Fixtures.class)} and {@code @Autowired Fixtures given}.
 */
public class Fixtures {

    /** The password of every user made here. */
    public static final String PASSWORD = "a long enough password";

    private final Agencies agencies;
    private final Users users;
    private final UserDetailsService accounts;
    private final Operations operations;
    private final ObjectProvider<Flights> flights;
    private final ObjectProvider<Engagements> engagements;
    private final Rota rota;
    private final ObjectProvider<Checks> checks;
    private final ObjectProvider<SupportRequests> requests;
    private final ObjectProvider<Referrals> referrals;

    /**
     * Fixtures with Waymark's services; those of modules a module test leaves out (all but identity
     * and operation) are looked up when first used.
     */
    public Fixtures(Agencies agencies, Users users, UserDetailsService accounts, Operations operations,
            ObjectProvider<Flights> flights, ObjectProvider<Engagements> engagements, Rota rota,
            ObjectProvider<Checks> checks, ObjectProvider<SupportRequests> requests,
            ObjectProvider<Referrals> referrals) {
        this.agencies = agencies;
        this.users = users;
        this.accounts = accounts;
        this.operations = operations;
        this.flights = flights;
        this.engagements = engagements;
        this.rota = rota;
        this.checks = checks;
        this.requests = requests;
        this.referrals = referrals;
    }

    public AgencySummary agency(String name, AgencyType type) {
        return agencies.create(name, type, null, null);
    }

    /**
     * A user of the agency with these roles and {@link #PASSWORD}, as the principal the services
     * take; passenger data is given with {@link #PASSENGER_DATA_REASON}.
     */
    public WaymarkUser user(String name, String email, AgencySummary agency, Role... roles) {
        var chosen = EnumSet.copyOf(Arrays.asList(roles));
        users.create(name, email, agency.id(), chosen, PASSWORD,
                chosen.contains(Role.PASSENGER_DATA) ? PASSENGER_DATA_REASON : null, null);
        return principal(email);
    }

    /** Why the users made here with passenger data have it. */
    public static final String PASSENGER_DATA_REASON = "PIU analyst, authorised for the tests";

    /**
     * The agencies of a test that tries every role: a force that leads the operation, a charity
     * and a SARC that take part in it, and another force.
     */
    public record Forces(AgencySummary police, AgencySummary charity, AgencySummary sarc, AgencySummary otherForce) {
    }

    /**
     * The forces, named as given, with one user of each role at them, emailed at the domain: the
     * police's Cleo Coordinator ({@code coordinator@}), Olu Officer ({@code officer@}), Ari
     * Analyst ({@code analyst@}) and Dana Admin ({@code admin@}), the charity's Nia Navigator
     * ({@code navigator@}), the SARC's Sam Sarc ({@code sarc@}), and the other force's Fran
     * Officer ({@code officer@elsewhere-} and the domain).
     */
    public Forces forces(String domain, String police, String charity, String sarc, String otherForce) {
        Forces forces = new Forces(agency(police, AgencyType.POLICE), agency(charity, AgencyType.CHARITY),
                agency(sarc, AgencyType.SARC), agency(otherForce, AgencyType.POLICE));
        user("Cleo Coordinator", "coordinator@" + domain, forces.police(), Role.COORDINATOR);
        user("Olu Officer", "officer@" + domain, forces.police(), Role.OFFICER);
        user("Ari Analyst", "analyst@" + domain, forces.police(), Role.ANALYST);
        user("Dana Admin", "admin@" + domain, forces.police(), Role.ADMIN);
        user("Nia Navigator", "navigator@" + domain, forces.charity(), Role.PARTNER);
        user("Sam Sarc", "sarc@" + domain, forces.sarc(), Role.PARTNER);
        user("Fran Officer", "officer@elsewhere-" + domain, forces.otherForce(), Role.OFFICER);
        return forces;
    }

    /** Gives the user's account the number they are called on. */
    public void phone(WaymarkUser user, String phone) {
        users.changePhone(user.id(), phone, user.actor());
    }

    /** The user with this email as they are signed in now. */
    public WaymarkUser principal(String email) {
        return (WaymarkUser) accounts.loadUserByUsername(email);
    }

    /**
     * The week of action of 16 to 19 September 2026 at Stansted, on sexual exploitation from
     * Bulgaria, with no partners: to be changed where a test needs.
     */
    public Operation operation() {
        return new Operation();
    }

    /** An operation about to be planned. */
    public final class Operation {

        private String name = "Week of action";
        private String port = "STN";
        private LocalDate start = LocalDate.of(2026, 9, 16);
        private LocalDate end = LocalDate.of(2026, 9, 19);
        private Set<ExploitationType> types = EnumSet.of(ExploitationType.SEXUAL);
        private Set<CountryCode> countries = Set.of(new CountryCode("BG"));
        private Set<AgencyId> partners = Set.of();

        private Operation() {
        }

        public Operation named(String name) {
            this.name = name;
            return this;
        }

        /** Named as given, made unique, for tests that plan many in one database. */
        public Operation namedUniquely(String name) {
            return named(name + " " + UUID.randomUUID());
        }

        public Operation at(String port) {
            this.port = port;
            return this;
        }

        public Operation between(LocalDate start, LocalDate end) {
            this.start = start;
            this.end = end;
            return this;
        }

        /** From the day before to the day after. */
        public Operation around(LocalDate day) {
            return between(day.minusDays(1), day.plusDays(1));
        }

        public Operation on(ExploitationType first, ExploitationType... others) {
            this.types = EnumSet.of(first, others);
            return this;
        }

        public Operation from(String... countries) {
            this.countries = new HashSet<>(Arrays.stream(countries).map(CountryCode::new).toList());
            return this;
        }

        public Operation withPartners(AgencySummary... partners) {
            this.partners = new HashSet<>(Arrays.stream(partners).map(AgencySummary::id).toList());
            return this;
        }

        public OperationId plannedBy(WaymarkUser coordinator) {
            return operations.create(new OperationDetails(name, new AirportCode(port), start, end, types, countries,
                    partners), coordinator).id();
        }
    }

    /** An arrival added to the operation. */
    public FlightView arrival(OperationId operation, String number, String airline, String from,
            LocalDateTime scheduled, WaymarkUser coordinator) {
        return flights.getObject().add(operation, new ScheduledFlight(number, airline, Direction.ARRIVAL, from,
                scheduled, null, null), coordinator);
    }

    /** A tally recorded by the user, as the app sends one: with an idempotency key of its own. */
    public Engagement tally(OperationId operation, Tally tally, WaymarkUser user) {
        return engagements.getObject().record(operation, tally, UUID.randomUUID().toString(), user).engagement();
    }

    /** A navigator of the agency on call, emailed at this address, from and to these times at the port. */
    public void navigatorOnCall(OperationId operation, AgencySummary agency, LocalDateTime from, LocalDateTime to,
            String email, WaymarkUser coordinator) {
        rota.add(operation, new Rota.NewSlot(agency.id(), null, CoverKind.NAVIGATOR, from, to, null, email),
                coordinator);
    }

    /** A check of a potential victim in the arrivals hall; its id. */
    public UUID check(OperationId operation, Person person, WaymarkUser officer) {
        return checks.getObject().start(operation, new Checks.NewCheck(null, "Arrivals hall",
                PersonCategory.POTENTIAL_VICTIM, person), officer).id();
    }

    /** A person of whom only the name and whether they are under 18 are known. */
    public static Person person(String name, Under18 under18) {
        return new Person(name, false, null, null, under18, null, null, Set.of(), null, null, null, null, null);
    }

    /** A navigator of the agency asked for to the check. */
    public SupportRequestView navigatorAskedFor(UUID check, AgencySummary agency, WaymarkUser officer) {
        return requests.getObject().request(check, agency.id(), SupportKind.NAVIGATOR, officer);
    }

    /**
     * A consenting adult's NRM referral of the check, as the consent step leaves it: a draft,
     * with consent given to Olu Officer at {@code consentAt}; its id.
     */
    public UUID nrmReferral(UUID check, Instant consentAt, WaymarkUser officer) {
        return referrals.getObject().start(check, new Referrals.NewReferral(new Consent(true, "Olu Officer", "bg",
                false, consentAt), null, null), officer).id();
    }

    /**
     * A consenting adult's NRM referral of the check, as {@link #nrmReferral} starts it, whose
     * package then has everything the form requires ({@link #readyPackage}): ready to submit; its id.
     */
    public UUID readyNrmReferral(UUID check, String account, String name, Instant consentAt, WaymarkUser officer) {
        UUID id = nrmReferral(check, consentAt, officer);
        assertThat(referrals.getObject().editPackage(id, readyPackage(account, name), officer).status())
                .isEqualTo(ReferralStatus.READY);
        return id;
    }

    /**
     * An adult's NRM referral package with everything the form requires, the person's account
     * beginning as given and the subject named so.
     */
    public static ReferralPackage readyPackage(String account, String name) {
        return new ReferralPackage(
                new ReferralPackage.Referrer("Olu Officer", "Constable", "Essex Police", "olu@essex.test", null),
                new ReferralPackage.Age(Under18.NO, null, 31),
                new ReferralPackage.Account(account, null, null, null, null, null),
                "T01 Companion holds her passport (observed)",
                new ReferralPackage.Places(List.of("Luton"), List.of("BG")),
                List.of(new ReferralPackage.Exploitation(ExploitationType.LABOUR,
                        Set.of(ExploitationSubtype.CAR_WASH), null)),
                null, null, null, null,
                new ReferralPackage.Subject(name, null, Gender.FEMALE, "BG", null, "07700 900123", null, null, null),
                null, null);
    }
}
