package org.waymark.screening.names;

import java.util.regex.Pattern;

/**
 * One spelling for the many ways a name is written in Latin letters. Applied to one word of
 * {@link NameScripts#latin(String)}; two words that fold alike sound alike to the eye of someone
 * copying a name from another script: ivanowa folds as ivanova, ivanoff as ivanov, shtefan as stefan, sakhin
 * and sahin as sagin, mariya as maria, jordan and yordan as iordan, hryhoriy and grigoriy as grigori.
 * <p>
 * The folding is deliberately rough: it finds candidates and recognises sound-alike spellings; the score
 * of a match still compares the Latin letters too.
 */
public final class Spellings {

    /** Replacements applied in order; the earlier ones see letters the later ones change. */
    private static final String[][] STEPS = {
            // a Russian or Ukrainian word-final -ff written for -v (Ivanoff)
            { "ff$", "v" },
            // щ: Russian shch, German-style sch, Bulgarian sht
            { "schtsch", "sht" }, { "shch", "sht" }, { "tsch", "ch" }, { "sch", "sht" },
            // ж, dzh, Albanian xh and gj, Serbian dj: one sound
            { "dzh", "j" }, { "zh", "j" }, { "xh", "j" }, { "gj", "j" }, { "dj", "j" },
            // Cyrillic й and Latin j before a vowel at the start of a word: Yordan, Jordan, Iordan
            { "^[jy](?=[aeiou])", "i" },
            // х as kh or h; Ukrainian г as h where Russian has g
            { "kh", "h" }, { "gh", "g" },
            { "tch", "ch" }, { "ch", "c" }, { "ts", "c" }, { "tz", "c" }, { "cz", "c" },
            { "sh", "s" }, { "sz", "s" }, { "ph", "f" }, { "th", "t" },
            { "h", "g" },
            { "ck", "k" }, { "c", "k" }, { "q", "k" }, { "x", "ks" },
            { "w", "v" },
            // й at the end of a word after a vowel, written j by German-speaking clerks (Sergej)
            { "(?<=[aeiouy])j$", "i" },
            { "y", "i" }, { "ou", "u" }, { "ee", "i" }, { "oo", "u" },
            // ё before v written yo, jo or io where others write e: Solovyov, Solowjow, Solovev
            { "(?<=[a-z])[ij]o(?=v)", "e" },
            // a name starting ye-/ie- (Yelena) is written e- as often
            { "^ie", "e" },
            // doubled letters: Dmitrii, Mariia (from mariya), Anna, Ivanoff
            { "(.)\\1+", "$1" },
    };

    private static final Pattern[] PATTERNS = new Pattern[STEPS.length];

    static {
        for (int i = 0; i < STEPS.length; i++) {
            PATTERNS[i] = Pattern.compile(STEPS[i][0]);
        }
    }

    private Spellings() {
    }

    /** The folded spelling of one word in lower-case ASCII letters. */
    public static String fold(String word) {
        String folded = word;
        for (int i = 0; i < STEPS.length; i++) {
            folded = PATTERNS[i].matcher(folded).replaceAll(STEPS[i][1]);
        }
        return folded;
    }
}
