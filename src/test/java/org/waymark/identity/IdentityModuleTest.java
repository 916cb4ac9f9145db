package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.waymark.identity.IdentityEvents.AgencyCreated;
import org.waymark.identity.IdentityEvents.UserCreated;
import org.waymark.identity.IdentityEvents.UserDeactivated;
import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.UserId;
import org.waymark.support.TestDatabases;

/**
 * The identity module on its own: agencies and users are created and say so in events, an API
 * token stands for its user until it is revoked, and a deactivated user can no longer sign in.
 */
// Standalone: identity needs no bean of another module (of documents, only a static helper). Platform
// comes too, for the clock and the unquoted table names without which H2 finds no table of a repository.
@ApplicationModuleTest(extraIncludes = "platform")
@TestPropertySource(properties = "waymark.scheduling.enabled=false")
class IdentityModuleTest {

    private static final String PASSWORD = "a long enough password";
    /** The administrator who acts: only the audit log, not started here, would look at them. */
    private static final Actor ADMIN = new Actor(UserId.random(), AgencyId.random());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    private final Agencies agencies;
    private final Users users;
    private final ApiTokens tokens;
    private final UserDetailsService signIn;

    IdentityModuleTest(Agencies agencies, Users users, ApiTokens tokens, UserDetailsService signIn) {
        this.agencies = agencies;
        this.users = users;
        this.tokens = tokens;
        this.signIn = signIn;
    }

    @Test
    void creatingAnAgencyAndAUserPublishesBoth(AssertablePublishedEvents events) {
        AgencySummary police = agencies.create("Essex Police", AgencyType.POLICE, null, ADMIN);
        UserSummary officer = users.create("Olu Officer", "olu@essex.example", police.id(), EnumSet.of(Role.OFFICER),
                PASSWORD, ADMIN).user();

        assertThat(police.firstResponder()).isTrue();
        assertThat(events).contains(AgencyCreated.class).matching(AgencyCreated::agencyId, police.id());
        assertThat(events).contains(UserCreated.class).matching(UserCreated::userId, officer.id());
    }

    @Test
    void aTokenStandsForItsUserUntilItIsRevoked() {
        WaymarkUser navigator = newUser("Nia Navigator", "nia@charity.example", Role.PARTNER);
        ApiTokens.IssuedToken issued = tokens.issue(navigator, "laptop", 7);

        assertThat(tokens.authenticate(issued.token()).user()).isEqualTo(navigator);

        tokens.revoke(navigator, issued.summary().id());

        ApiTokens.Bearer refused = tokens.authenticate(issued.token());
        assertThat(refused.user()).isNull();
        assertThat(refused.refusal()).isEqualTo(ApiTokens.Refusal.NOT_VALID);
    }

    @Test
    void aDeactivatedUserCanNoLongerSignInNorUseTheirToken(AssertablePublishedEvents events) {
        WaymarkUser officer = newUser("Bea Border Officer", "bea@borderforce.example", Role.OFFICER);
        String token = tokens.issue(officer, null, null).token();

        users.deactivate(officer.id(), ADMIN);

        assertThat(signIn.loadUserByUsername("bea@borderforce.example").isEnabled()).isFalse();
        assertThat(users.current(officer.id())).isEmpty();
        assertThat(tokens.authenticate(token).user()).isNull();
        assertThat(events).contains(UserDeactivated.class).matching(UserDeactivated::userId, officer.id());
    }

    private WaymarkUser newUser(String name, String email, Role role) {
        AgencySummary agency = agencies.create(name + "'s agency", AgencyType.OTHER, null, ADMIN);
        UserId id = users.create(name, email, agency.id(), EnumSet.of(role), PASSWORD, ADMIN).user().id();
        return users.current(id).orElseThrow();
    }
}
