package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AgencyTest {

    @ParameterizedTest
    @EnumSource(value = AgencyType.class, names = { "POLICE", "BORDER_FORCE", "ROCU", "NCA", "LOCAL_AUTHORITY" })
    void statutoryAgenciesAreFirstRespondersByDefault(AgencyType type) {
        assertThat(Agency.create("An agency", type, null, Instant.EPOCH).summary().firstResponder()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = AgencyType.class, names = { "SARC", "CHARITY", "OTHER" })
    void charitiesAndSarcsAreNotFirstRespondersByDefault(AgencyType type) {
        assertThat(Agency.create("An agency", type, null, Instant.EPOCH).summary().firstResponder()).isFalse();
    }

    @Test
    void anExplicitFlagWinsOverTheType() {
        assertThat(Agency.create("Charity", AgencyType.CHARITY, true, Instant.EPOCH).summary().firstResponder())
                .isTrue();
        assertThat(Agency.create("Police", AgencyType.POLICE, false, Instant.EPOCH).summary().firstResponder())
                .isFalse();
    }

    @Test
    void namesAreUniqueWhateverTheirCaseOrSpaces() {
        assertThat(Agency.nameKey("  Essex Police ")).isEqualTo(Agency.nameKey("ESSEX POLICE"));
    }
}
