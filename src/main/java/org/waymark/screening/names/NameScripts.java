package org.waymark.screening.names;

import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Turns a name written in any script into plain Latin letters, the way an airline or a traveller
 * most often writes it in a booking: Иванова becomes ivanova, Ștefan stefan, Şahin sahin,
 * Nguyễn nguyen.
 * <p>
 * Cyrillic is written differently in each language (щ is sht in Bulgarian and shch in Russian, г is h in
 * Ukrainian and g in Russian), so the language is guessed from letters only it uses. Other scripts go through
 * ICU's Any-Latin; then marks are taken off and what is left becomes ASCII, which also turns Turkish dotless i
 * into i and Vietnamese đ into d.
 */
public final class NameScripts {

    private static final String COMMON_CYRILLIC = """
            а > a; б > b; в > v; д > d; е > e; ё > e; ж > zh; з > z; й > y; к > k; л > l; м > m;
            н > n; о > o; п > p; р > r; с > s; т > t; у > u; ф > f; ц > ts; ч > ch; ш > sh; ю > yu; я > ya;
            """;

    private static final String RUSSIAN = COMMON_CYRILLIC + """
            г > g; и > i; х > kh; щ > shch; ъ > ; ы > y; ь > ; э > e;
            """;

    private static final String UKRAINIAN = COMMON_CYRILLIC + """
            г > h; ґ > g; и > y; і > i; ї > yi; є > ye; х > kh; щ > shch; ь > ; \\' > ; ’ > ; ʼ > ;
            """;

    private static final String BULGARIAN = COMMON_CYRILLIC + """
            г > g; и > i; х > h; щ > sht; ъ > a; ь > y;
            """;

    private static final Pattern ASCII = Pattern.compile("\\p{ASCII}*");
    private static final Pattern LATIN = Pattern.compile("[\\p{IsLatin}\\p{M}\\P{L}]*");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern UKRAINIAN_LETTERS = Pattern.compile("[іїєґ]");
    private static final Pattern RUSSIAN_LETTERS = Pattern.compile("[ыэё]");
    /** A hard sign inside a word is Bulgarian (a vowel); in Russian it is rare and silent. */
    private static final Pattern BULGARIAN_HARD_SIGN = Pattern.compile("ъ(?=\\p{L})");
    /** Russian -ый at the end of a word is written y (Belyy is Bely in most passports). */
    private static final Pattern RUSSIAN_YY = Pattern.compile("ый(?!\\p{L})");
    private static final Pattern NOT_A_NAME_LETTER = Pattern.compile("[^a-z ]+");
    private static final Pattern SPACES = Pattern.compile(" +");

    // Transliterators are built once; each thread uses its own copy, as ICU does not promise more.
    private static final ThreadLocal<Scripts> SCRIPTS = ThreadLocal.withInitial(Scripts::new);

    private NameScripts() {
    }

    private static final class Scripts {
        final Transliterator russian = Transliterator.createFromRules("ru-Latn-Waymark", RUSSIAN, Transliterator.FORWARD);
        final Transliterator ukrainian = Transliterator.createFromRules("uk-Latn-Waymark", UKRAINIAN,
                Transliterator.FORWARD);
        final Transliterator bulgarian = Transliterator.createFromRules("bg-Latn-Waymark", BULGARIAN,
                Transliterator.FORWARD);
        final Transliterator anyToAscii = Transliterator
                .getInstance("Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII");
        final Transliterator latinToAscii = Transliterator
                .getInstance("NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII");
    }

    /**
     * The name in lower-case ASCII letters, words separated by one space; hyphens and commas separate
     * words too, apostrophes and other marks are dropped (O'Neill is oneill). Empty when nothing is left.
     */
    public static String latin(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        Scripts scripts = SCRIPTS.get();
        // Turkish capital dotted I lower-cases to i with a combining dot everywhere but in Turkish.
        String text = name.replace('İ', 'i').toLowerCase(Locale.ROOT);
        if (CYRILLIC.matcher(text).find()) {
            text = cyrillic(scripts, text);
        }
        // Most names come in ASCII already; Any-Latin is the slow step, needed only for other scripts.
        if (!ASCII.matcher(text).matches()) {
            text = (LATIN.matcher(text).matches() ? scripts.latinToAscii : scripts.anyToAscii).transliterate(text)
                    .toLowerCase(Locale.ROOT);
        }
        text = text.replaceAll("[-,./_]", " ").replaceAll("['’`ʼ]", "");
        text = NOT_A_NAME_LETTER.matcher(text).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** The language of a Cyrillic name, guessed from letters only that language uses: uk, bg or ru. */
    static String cyrillicLanguage(String lowerCase) {
        if (UKRAINIAN_LETTERS.matcher(lowerCase).find()) {
            return "uk";
        }
        if (RUSSIAN_LETTERS.matcher(lowerCase).find()) {
            return "ru";
        }
        return BULGARIAN_HARD_SIGN.matcher(lowerCase).find() ? "bg" : "ru";
    }

    private static String cyrillic(Scripts scripts, String lowerCase) {
        return switch (cyrillicLanguage(lowerCase)) {
        case "uk" -> scripts.ukrainian.transliterate(lowerCase);
        case "bg" -> scripts.bulgarian.transliterate(lowerCase);
        default -> scripts.russian.transliterate(RUSSIAN_YY.matcher(lowerCase).replaceAll("ы"));
        };
    }

    /** Whether the name as written differs from its Latin letters otherwise than by case and spacing. */
    public static boolean transliterated(String original, String latin) {
        String plain = original.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]+", " ").replaceAll(" +", " ").strip();
        return !plain.equals(latin);
    }
}
