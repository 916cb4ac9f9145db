package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.waymark.shared.AgencyId;

class UserAccountTest {

    static final Instant NOON = Instant.parse("2026-09-16T12:00:00Z");

    UserAccount user = UserAccount.create(" Olu Officer ", " Olu.Officer@Essex.Police.UK ", AgencyId.random(),
            EnumSet.of(Role.OFFICER), "hash", NOON);

    @Test
    void keepsEmailsInLowerCaseAndNamesTrimmed() {
        UserSummary summary = user.summary(NOON, Duration.ofDays(90));

        assertThat(summary.email()).isEqualTo("olu.officer@essex.police.uk");
        assertThat(summary.name()).isEqualTo("Olu Officer");
        assertThat(summary.active()).isTrue();
    }

    @Test
    void theFifthFailedSignInInARowLocksTheAccountForFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(user.recordFailedSignIn(NOON.plusSeconds(i))).isFalse();
        }
        assertThat(user.isLocked(NOON.plusSeconds(4))).isFalse();

        assertThat(user.recordFailedSignIn(NOON.plusSeconds(5))).isTrue();

        assertThat(user.isLocked(NOON.plusSeconds(5))).isTrue();
        assertThat(user.principal(NOON.plusSeconds(6)).isAccountNonLocked()).isFalse();
        assertThat(user.isLocked(NOON.plusSeconds(5).plus(Duration.ofMinutes(15)).minusMillis(1))).isTrue();
        assertThat(user.isLocked(NOON.plusSeconds(5).plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
        for (int i = 1; i <= 5; i++) {
            user.recordFailedSignIn(NOON);
        }
        assertThat(user.recordFailedSignIn(NOON.plus(Duration.ofMinutes(10)))).isFalse();

        assertThat(user.isLocked(NOON.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        for (int i = 1; i <= 4; i++) {
            user.recordFailedSignIn(NOON);
        }
        user.recordSuccessfulSignIn(NOON);

        assertThat(user.recordFailedSignIn(NOON)).isFalse();
        assertThat(user.isLocked(NOON)).isFalse();
    }

    @Test
    void anAccountIsUnusedNinetyDaysAfterItsLastSignInOrItsCreation() {
        Duration ninetyDays = Duration.ofDays(90);
        assertThat(user.summary(NOON.plus(ninetyDays).minusSeconds(1), ninetyDays).unused()).isFalse();
        assertThat(user.summary(NOON.plus(ninetyDays), ninetyDays).unused()).as("never signed in").isTrue();
        assertThat(user.summary(NOON, ninetyDays).lastSignInAt()).isNull();

        Instant signIn = NOON.plus(Duration.ofDays(60));
        user.recordSuccessfulSignIn(signIn);

        UserSummary later = user.summary(NOON.plus(ninetyDays), ninetyDays);
        assertThat(later.unused()).isFalse();
        assertThat(later.lastSignInAt()).isEqualTo(signIn);
        assertThat(user.summary(signIn.plus(ninetyDays), ninetyDays).unused()).isTrue();
        assertThat(user.summary(signIn.plus(ninetyDays), Duration.ofDays(180)).unused()).isFalse();
    }

    @Test
    void deactivatedAccountsAreNotFlaggedAsUnused() {
        user.deactivate();

        assertThat(user.summary(NOON.plus(Duration.ofDays(365)), Duration.ofDays(90)).unused()).isFalse();
    }

    @Test
    void deactivatedAccountsCannotSignIn() {
        user.deactivate();

        assertThat(user.principal(NOON).isEnabled()).isFalse();
        user.reactivate();
        assertThat(user.principal(NOON).isEnabled()).isTrue();
    }
}
