package org.waymark.screening.names;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A name split into words, each transliterated and folded once, so that scoring it against many
 * others does not repeat the work.
 */
record PreparedName(List<NameWord> family, List<NameWord> given, LocalDate birthDate) {

    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\-‐‑–,/.]+");

    static PreparedName of(PersonName name) {
        return new PreparedName(words(name.familyName()), words(name.givenNames()), name.birthDate());
    }

    static List<NameWord> words(String part) {
        List<NameWord> words = new ArrayList<>();
        for (String original : WORD_SEPARATORS.split(part)) {
            String latin = NameScripts.latin(original).replace(" ", "");
            if (!latin.isEmpty()) {
                words.add(new NameWord(original, latin, Spellings.fold(latin)));
            }
        }
        return List.copyOf(words);
    }

    boolean isEmpty() {
        return family.isEmpty() && given.isEmpty();
    }
}
