package org.waymark.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every field and comparison a rule form offers has its words, so no page or reason shows a bare key. */
class RuleWordsTest {

    private final ResourceBundleMessageSource messages = APassenger.messages();

    @Test
    void everyFieldAndComparisonHasItsWords() {
        List<String> keys = new ArrayList<>();
        for (Field field : Field.values()) {
            keys.addAll(List.of(field.labelKey(), field.hintKey(), field.subjectKey(),
                    "screening.rules.section." + field.section()));
            if (field.kind() == Field.Kind.YES_NO) {
                keys.addAll(List.of(field.factKey() + ".yes", field.factKey() + ".no"));
            } else {
                keys.add(field.factKey());
            }
            if (field.unit() != null) {
                keys.addAll(List.of("screening.rules.unit." + field.unit(), "screening.rules.unit." + field.unit() + ".rule"));
            }
        }
        for (Operator operator : Operator.values()) {
            keys.add(operator.labelKey());
            if (!operator.takesGroup()) {
                keys.addAll(List.of(operator.labelKey() + ".rule", operator.labelKey() + ".notRule"));
            }
        }
        List<String> missing = keys.stream().filter(key -> {
            try {
                messages.getMessage(key, null, Locale.UK);
                return false;
            } catch (NoSuchMessageException e) {
                return true;
            }
        }).toList();
        assertThat(missing).isEmpty();
    }
}
