package org.waymark.shared;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a name someone typed matches a name or a text as recorded, for finding the records
 * about a person: regardless of case and accents, each word typed must begin a word of the
 * record, in any order. Written names vary, so it errs towards finding more; whoever searched
 * decides which records are really about the person.
 */
public final class NameMatch {

    private NameMatch() {
    }

    /** The words of the text in lower case without accents; empty for no text. */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('ß', 's').replace('ø', 'o').replace('Ø', 'o').replace('ł', 'l').replace('Ł', 'l')
                .replace('ı', 'i').toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).toList();
    }

    /** Whether every word of {@code searched} begins a word of {@code recorded}. */
    public static boolean matches(String searched, String recorded) {
        List<String> wanted = words(searched);
        if (wanted.isEmpty()) {
            return false;
        }
        List<String> there = words(recorded);
        return wanted.stream().allMatch(word -> there.stream().anyMatch(found -> found.startsWith(word)));
    }

    /** Whether the name matches any of the texts. */
    public static boolean matchesAny(String searched, String... recorded) {
        return Arrays.stream(recorded).anyMatch(text -> matches(searched, text));
    }
}
