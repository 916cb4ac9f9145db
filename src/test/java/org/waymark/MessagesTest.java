package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Each text of the pages is defined once: a key defined twice silently takes the later text,
 * and a page elsewhere shows the wrong words.
 */
class MessagesTest {

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        List<String> lines;
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages.properties")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        Set<String> seen = new HashSet<>();
        List<String> twice = lines.stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).strip()).filter(key -> !seen.add(key)).toList();

        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(twice).isEmpty();
    }

    @Test
    void theReferralsOwedReadAsOneSentence() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");

        assertThat(messages.getMessage("referrals.owed.allChildren", new Object[] { 1 }, Locale.UK))
                .isEqualTo("1 referral owed, for a child: urgent");
        assertThat(messages.getMessage("referrals.owed.allChildren", new Object[] { 2 }, Locale.UK))
                .isEqualTo("2 referrals owed, all for children: urgent");
        assertThat(messages.getMessage("referrals.owed.someChildren", new Object[] { 1200, 2 }, Locale.UK))
                .isEqualTo("1,200 referrals owed, 2 of them for children: urgent");
    }
}
