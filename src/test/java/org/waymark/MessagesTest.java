package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
}
