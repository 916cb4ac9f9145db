package org.waymark.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo's documents say DEMO; a marking left blank is the default one, never none. */
class DocumentMarksTest {

    @Test
    void theDemoProfileMarksDocumentsAsDemo() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");

        assertThat(new DocumentMarks("OFFICIAL-SENSITIVE", demo).demo()).isTrue();
        assertThat(new DocumentMarks("OFFICIAL-SENSITIVE", new MockEnvironment()).demo()).isFalse();
    }

    @Test
    void aBlankMarkingIsTheDefaultOne() {
        assertThat(new DocumentMarks(" ", new MockEnvironment()).marking()).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(new DocumentMarks(" OFFICIAL ", false).marking()).isEqualTo("OFFICIAL");
    }
}
