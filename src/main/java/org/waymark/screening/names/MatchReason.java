package org.waymark.screening.names;

import java.util.List;

/**
 * One reason in the explanation of a match: the message key under {@code screening.names.reason.}
 * and its arguments (names as written, scores, days). The words are in messages.properties.
 */
public record MatchReason(String code, List<Object> arguments) {

    public MatchReason {
        arguments = List.copyOf(arguments);
    }

    static MatchReason of(String code, Object... arguments) {
        return new MatchReason(code, List.of(arguments));
    }

    /** The message key of this reason. */
    public String messageKey() {
        return "screening.names.reason." + code;
    }
}
