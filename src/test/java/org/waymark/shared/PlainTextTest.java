package org.waymark.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One line of typed text: neither control characters nor overrides of direction, right-to-left text kept. */
class PlainTextTest {

    @Test
    void aDirectionOverrideIsRefusedAsAControlCharacterIs() {
        for (String refused : List.of("FR\u202E4321", "Ryan\u202Aair", "Gate\u2066 12\u2069", "Tab\there")) {
            assertThatThrownBy(() -> PlainText.check(refused, 100, "too.long", "airline"))
                    .as(refused).isInstanceOf(RuleViolationException.class);
        }
    }

    @Test
    void rightToLeftTextAndItsMarksAreText() {
        for (String kept : List.of("\u0623\u062D\u0645\u062F", "\u05D3\u05E0\u05D4\u200F", "Dana\u200E Levi")) {
            assertThatCode(() -> PlainText.check(kept, 100, "too.long", "name")).as(kept).doesNotThrowAnyException();
        }
    }
}
