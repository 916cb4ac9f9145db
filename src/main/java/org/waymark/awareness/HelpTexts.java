package org.waymark.awareness;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.springframework.stereotype.Component;

/**
 * The help for passengers in each language Waymark offers, read once from {@code help/<code>.properties}
 * (UTF-8). The languages are those of the passengers met most at the ports.
 */
@Component
public class HelpTexts {

    /** ISO 639-1 codes, in the order the language chooser lists them. */
    public static final List<String> LANGUAGES = List.of("en", "bg", "ro", "tr", "sq", "uk", "ru", "pl", "vi", "lt");

    private final Map<String, Help> byLanguage = new LinkedHashMap<>();

    /** One language's text: its own name, and each key of the page. */
    public record Help(String language, String name, Properties text) {

        public String get(String key) {
            return text.getProperty(key, "");
        }
    }

    public HelpTexts() {
        for (String language : LANGUAGES) {
            Properties text = new Properties();
            try (Reader reader = new InputStreamReader(HelpTexts.class.getResourceAsStream(
                    "/help/" + language + ".properties"), StandardCharsets.UTF_8)) {
                text.load(reader);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("the help in " + language + " is missing", e);
            }
            byLanguage.put(language, new Help(language, text.getProperty("language.name"), text));
        }
    }

    public Optional<Help> in(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    /** Every language, in the chooser's order. */
    public List<Help> all() {
        return List.copyOf(byLanguage.values());
    }
}
