package org.waymark.screening.names;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

/**
 * How well a passenger's name matches a watch-list entry: a score from 0 to 1 and the reasons for it,
 * in the order a person would check them (family name, given names, birth date).
 */
public record NameScore(double score, List<MatchReason> reasons) {

    public NameScore {
        reasons = List.copyOf(reasons);
    }

    /** The reasons in words, joined by semicolons. */
    public String explanation(MessageSource messages, Locale locale) {
        return reasons.stream().map(reason -> messages.getMessage(reason.messageKey(), reason.arguments().toArray(),
                locale)).collect(Collectors.joining("; "));
    }
}
