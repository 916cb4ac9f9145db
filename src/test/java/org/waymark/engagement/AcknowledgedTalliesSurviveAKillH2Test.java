package org.waymark.engagement;

import java.util.Map;

/** On the embedded default: an H2 file database under the working directory's {@code data}. */
class AcknowledgedTalliesSurviveAKillH2Test extends AcknowledgedTalliesSurviveAKillTest {

    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
