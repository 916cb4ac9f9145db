package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The deployment setting: required or off, and nothing else, so that a typo never turns it off. */
class TwoFactorSettingTest {

    @Test
    void isRequiredOrOffAndAnythingElseStopsWaymark() {
        assertThat(twoFactor("required").required()).isTrue();
        assertThat(twoFactor(" Required ").required()).isTrue();
        assertThat(twoFactor("off").required()).isFalse();
        for (String typo : new String[] { "requried", "false", "", "on" }) {
            assertThatThrownBy(() -> twoFactor(typo)).as(typo).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("WAYMARK_SECURITY_TWO_FACTOR");
        }
    }

    private static TwoFactor twoFactor(String setting) {
        return new TwoFactor(null, null, null, Clock.systemUTC(), setting, new MockEnvironment());
    }
}
