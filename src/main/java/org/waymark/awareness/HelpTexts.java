package org.waymark.awareness;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The help for passengers in each language Waymark offers, read once from {@code help/<code>.properties}
 * (UTF-8). The languages are those of the passengers met most at the ports. The public report
 * form (tips) is offered in the same languages, its words in {@code messages_<code>.properties}.
 */
@Component
public class HelpTexts {

    /** ISO 639 codes (639-3 where there is no two-letter one, as Sorani's), in the order the language chooser lists them. */
    public static final List<String> LANGUAGES = List.of("en", "bg", "ro", "tr", "sq", "uk", "ru", "pl", "vi", "lt",
            "ar", "ckb");
    /** Written from right to left: Arabic, and Kurdish Sorani in Arabic script. */
    public static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "ckb");

    private final Map<String, Help> byLanguage = new LinkedHashMap<>();

    /** One language's text: its own name, and each key of the page. */
    public record Help(String language, String name, Properties text) {

        public String get(String key) {
            return text.getProperty(key, "");
        }

        /** For the page's {@code dir} attribute. */
        public String direction() {
            return RIGHT_TO_LEFT.contains(language) ? "rtl" : "ltr";
        }

        /** The locale the page's messages, {@code lang} and {@code Content-Language} follow. */
        public Locale locale() {
            return Locale.forLanguageTag(language);
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

    /**
     * The language that best matches a browser's {@code Accept-Language} (RFC 4647 lookup, so
     * {@code ar-EG} finds Arabic), or English when none does or the header cannot be read.
     */
    public Help bestMatch(String acceptLanguage) {
        String match = null;
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            } catch (IllegalArgumentException unreadable) {
                // a header no browser sends: English, as with none
            }
        }
        return byLanguage.get(match != null ? match : "en");
    }
}
