package org.waymark.screening.names;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * A labelled set of names as airlines send them: watch-list people written in their own script or with
 * their diacritics, and passengers' names written from them in other ways (other transliteration
 * schemes, diacritics dropped or rendered the Russian way, typing slips, given and family names swapped,
 * middle names dropped, birth dates a little off or missing), each labelled with the person it is; and
 * passengers who are someone else (another given or family name, or born years apart), labelled with
 * nobody. Made from fixed lists by fixed rules and a seeded random, so the same seed gives the same set.
 * Its variant rules are written independently of {@link Spellings}: they copy how people write names.
 */
public final class NameVariants {

    /** A person on the watch list. */
    public record Person(int id, String language, PersonName name) {
    }

    /** A passenger's name and the id of the watch-list person it is, or -1 for nobody on the list. */
    public record Labelled(PersonName passenger, int personId, String variant) {
    }

    private record Language(String code, List<String> families, List<String> givens, List<String> otherGivens,
            List<Function<String, String>> spellings) {
    }

    private static final Map<Character, String> POPULAR = cyrillic("a b v g d e e zh z i y k l m n o p r s t u f kh ts ch"
            + " sh shch _ y _ e yu ya");
    private static final Map<Character, String> ICAO = cyrillic("a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh"
            + " shch ie y _ e iu ia");
    private static final Map<Character, String> GERMAN = cyrillic("a b w g d e jo sh s i j k l m n o p r s t u f ch z tsch"
            + " sch schtsch _ y _ e ju ja");
    private static final Map<Character, String> BULGARIAN = cyrillic("a b v g d e e zh z i y k l m n o p r s t u f h ts ch"
            + " sh sht a y y e yu ya");
    private static final Map<Character, String> UKRAINIAN = Map.of('г', "h", 'и', "y", 'і', "i", 'ї', "yi", 'є', "ye",
            'ґ', "g");
    private static final Map<Character, String> UKRAINIAN_ICAO = Map.of('г', "h", 'и', "y", 'і', "i", 'ї', "i", 'є',
            "ie", 'ґ', "g", 'й', "i");

    private static Map<Character, String> cyrillic(String latin) {
        String letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        String[] spelled = latin.split(" ");
        Map<Character, String> map = new java.util.HashMap<>();
        for (int i = 0; i < letters.length(); i++) {
            map.put(letters.charAt(i), spelled[i].equals("_") ? "" : spelled[i]);
        }
        return Map.copyOf(map);
    }

    private static Function<String, String> letters(Map<Character, String> first, Map<Character, String> then) {
        return word -> {
            StringBuilder out = new StringBuilder();
            for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
                String s = first.get(c);
                if (s == null) {
                    s = then.get(c);
                }
                out.append(s == null ? String.valueOf(c) : s);
            }
            return out.toString();
        };
    }

    private static String ascii(String word) {
        return Normalizer.normalize(word.toLowerCase(Locale.ROOT).replace('ı', 'i').replace('đ', 'd'),
                Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Turkish as a Russian-speaking clerk writes it: Şahin as Shakhin, Çelik as Chelik, ı as y. */
    private static String turkishRussianStyle(String word) {
        return ascii(word.toLowerCase(Locale.ROOT).replace("h", "kh").replace("c", "dzh").replace("ş", "sh")
                .replace("ç", "ch").replace("ğ", "").replace("ı", "y").replace("ü", "yu"));
    }

    private static String romanianSlavStyle(String word) {
        return ascii(word.toLowerCase(Locale.ROOT).replace("ș", "sh").replace("ş", "sh").replace("ț", "ts")
                .replace("ţ", "ts").replace("ce", "che").replace("ci", "chi"));
    }

    private static String albanianEnglishStyle(String word) {
        return ascii(word.toLowerCase(Locale.ROOT).replaceAll("ë$", "").replace("xh", "j").replace("ç", "ch")
                .replace("q", "ch"));
    }

    private static final Map<Character, String> NONE = Map.of();

    static final List<Language> LANGUAGES = List.of(
            new Language("bg", List.of("Иванова", "Петров", "Димитрова", "Стоянов", "Цветкова", "Щерев", "Ъгленова",
                    "Христов", "Жечева", "Йорданов"),
                    List.of("Мария", "Георги", "Десислава", "Христо", "Йорданка", "Живко", "Щеряна", "Стефан"),
                    List.of("Радостина", "Boyan", "Валентин", "Светла"),
                    List.of(letters(BULGARIAN, NONE), letters(POPULAR, NONE), letters(ICAO, NONE))),
            new Language("ru", List.of("Кузнецова", "Смирнов", "Соловьёв", "Белый", "Хабибуллина", "Щербаков",
                    "Воронцова", "Жуков", "Юдин", "Зайцева"),
                    List.of("Дмитрий", "Юлия", "Сергей", "Елена", "Андрей", "Наталья", "Евгений", "Ксения"),
                    List.of("Борис", "Полина", "Тимофей", "Людмила"),
                    List.of(letters(POPULAR, NONE), letters(ICAO, NONE), letters(GERMAN, NONE))),
            new Language("uk", List.of("Шевченко", "Ковальчук", "Гриценко", "Їжакевич", "Бойко", "Ткаченко", "Мельник",
                    "Олійник", "Савчук", "Литвиненко"),
                    List.of("Олександр", "Григорій", "Ольга", "Мар'яна", "Юрій", "Ганна", "Олег", "Євгенія"),
                    List.of("Тарас", "Соломія", "Богдан", "Христина"),
                    List.of(letters(UKRAINIAN, POPULAR), letters(UKRAINIAN_ICAO, ICAO), letters(POPULAR, NONE))),
            new Language("ro", List.of("Ștefănescu", "Țurcanu", "Munteanu", "Ciobanu", "Rădulescu", "Dumitrașcu",
                    "Popescu", "Căpățână", "Brâncuși", "Vlăduț"),
                    List.of("Ștefan", "Ioana", "Mihaela", "Cătălin", "Andreea", "Costel", "Gheorghe", "Irina"),
                    List.of("Bogdan", "Florin", "Luminița", "Oana"),
                    List.of(NameVariants::ascii, NameVariants::romanianSlavStyle)),
            new Language("tr", List.of("Şahin", "Yıldız", "Çelik", "Öztürk", "Doğan", "Kılıç", "Aydın", "Güneş", "Coşkun",
                    "Özdemir"),
                    List.of("Mehmet", "Ayşe", "Cengiz", "İbrahim", "Gülşen", "Hüseyin", "Çağla", "Işıl"),
                    List.of("Emre", "Burcu", "Tolga", "Elif"),
                    List.of(NameVariants::ascii, NameVariants::turkishRussianStyle)),
            new Language("sq", List.of("Hoxha", "Krasniqi", "Shehu", "Çela", "Gashi", "Berisha", "Dervishi", "Xhaferi",
                    "Lleshi", "Qosja"),
                    List.of("Dritë", "Arbër", "Gjergj", "Mimoza", "Besnik", "Xhenet", "Qemal", "Elvira"),
                    List.of("Luan", "Fatjona", "Ilir", "Blerta"),
                    List.of(NameVariants::ascii, NameVariants::albanianEnglishStyle)),
            new Language("vi", List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi"),
                    List.of("Thị Thu", "Văn Đức", "Thị Hương", "Minh Tuấn", "Thị Ngọc Lan", "Quốc Bảo", "Thị Mai",
                            "Đức Anh"),
                    List.of("Hải Yến", "Trung Kiên", "Phương Thảo", "Công Vinh"),
                    List.of(NameVariants::ascii)));

    private NameVariants() {
    }

    /** The watch-list people: a family name and one or two given names of each language, with birth dates. */
    public static List<Person> people(long seed) {
        Random random = new Random(seed);
        List<Person> people = new ArrayList<>();
        for (Language language : LANGUAGES) {
            for (int i = 0; i < language.families.size(); i++) {
                String family = language.families.get(i);
                String given = language.givens.get(i % language.givens.size());
                if (i % 4 == 3 && !language.code.equals("vi")) {
                    given = given + " " + language.givens.get((i + 3) % language.givens.size());
                }
                LocalDate born = i % 7 == 6 ? null : LocalDate.of(1960, 1, 1).plusDays(random.nextInt(18_000));
                people.add(new Person(people.size(), language.code, new PersonName(family, given, born)));
            }
        }
        return List.copyOf(people);
    }

    /** {@code size} passengers' names, about seven in ten of a watch-list person. */
    public static List<Labelled> labelled(List<Person> people, int size, long seed) {
        Random random = new Random(seed);
        List<Labelled> set = new ArrayList<>();
        JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();
        while (set.size() < size) {
            Person person = people.get(random.nextInt(people.size()));
            Language language = LANGUAGES.stream().filter(l -> l.code.equals(person.language)).findFirst().orElseThrow();
            Function<String, String> spelling = language.spellings.get(random.nextInt(language.spellings.size()));
            List<String> variant = new ArrayList<>();
            variant.add(language.code + ":scheme" + language.spellings.indexOf(spelling));
            String family = spell(person.name.familyName(), spelling);
            String given = spell(person.name.givenNames(), spelling);
            LocalDate born = person.name.birthDate();
            int id = person.id;
            if (random.nextInt(10) < 3) {
                // Someone else: another given name, another family name, or born years apart
                switch (random.nextInt(3)) {
                case 0 -> {
                    String other = language.otherGivens.get(random.nextInt(language.otherGivens.size()));
                    if (similarity.apply(ascii(other), ascii(person.name.givenNames())) >= 0.8) {
                        continue;
                    }
                    given = spell(other, spelling);
                    variant.add("other given name");
                }
                case 1 -> {
                    String other = language.families.get(random.nextInt(language.families.size()));
                    if (similarity.apply(ascii(other), ascii(person.name.familyName())) >= 0.8) {
                        continue;
                    }
                    family = spell(other, spelling);
                    variant.add("other family name");
                }
                default -> {
                    // Only a birth date on the list can tell someone else of the same name apart
                    if (born == null) {
                        continue;
                    }
                    born = born.plusDays(
                            (random.nextBoolean() ? 1 : -1) * (400 + random.nextInt(4000)));
                    variant.add("born years apart");
                }
                }
                id = -1;
            } else {
                if (random.nextInt(6) == 0) {
                    family = typo(family, random);
                    variant.add("slip in family name");
                } else if (random.nextInt(6) == 0) {
                    given = typo(given, random);
                    variant.add("slip in given name");
                }
                if (given.contains(" ") && random.nextBoolean()) {
                    given = given.substring(0, given.indexOf(' '));
                    variant.add("middle name dropped");
                }
                switch (random.nextInt(8)) {
                case 0 -> {
                    born = null;
                    variant.add("birth date missing");
                }
                case 1 -> {
                    if (born != null) {
                        born = born.plusDays((random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(360)));
                        variant.add("born within a year");
                    }
                }
                default -> {
                }
                }
            }
            if (random.nextInt(5) == 0) {
                String swap = family;
                family = given;
                given = swap;
                variant.add("names swapped");
            }
            set.add(new Labelled(new PersonName(family.toUpperCase(Locale.ROOT), given.toUpperCase(Locale.ROOT), born),
                    id, String.join(", ", variant)));
        }
        return List.copyOf(set);
    }

    private static String spell(String name, Function<String, String> spelling) {
        List<String> words = new ArrayList<>();
        for (String word : name.split(" ")) {
            words.add(spelling.apply(word).replace("'", ""));
        }
        return String.join(" ", words);
    }

    /** A slip of the keyboard in a word of five letters or more: a letter doubled, dropped or two swapped. */
    private static String typo(String name, Random random) {
        String[] words = name.split(" ");
        int w = random.nextInt(words.length);
        String word = words[w];
        if (word.length() < 5) {
            return name;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        words[w] = switch (random.nextInt(3)) {
        case 0 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
        case 1 -> word.substring(0, at) + word.substring(at + 1);
        default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
        return String.join(" ", words);
    }

    /** Names of other people for a long watch list: made-up words of the languages' sounds, with birth dates. */
    public static List<PersonName> others(int size, long seed) {
        Random random = new Random(seed);
        String[] starts = { "b", "v", "g", "d", "k", "l", "m", "n", "p", "r", "s", "t", "z", "st", "br", "dr", "kr", "pl",
                "tr", "h", "f", "ch", "sh", "ts", "j" };
        String[] vowels = { "a", "e", "i", "o", "u", "a", "e", "o" };
        String[] endings = { "ova", "ov", "eva", "ev", "enko", "uk", "escu", "eanu", "oglu", "er", "aj", "i", "an",
                "ski", "ska", "ic", "in", "ina", "el", "ez" };
        List<PersonName> names = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            StringBuilder family = new StringBuilder();
            for (int s = 1 + random.nextInt(3); s > 0; s--) {
                family.append(starts[random.nextInt(starts.length)]).append(vowels[random.nextInt(vowels.length)]);
            }
            family.append(endings[random.nextInt(endings.length)]);
            StringBuilder given = new StringBuilder();
            for (int s = 2 + random.nextInt(2); s > 0; s--) {
                given.append(starts[random.nextInt(starts.length)]).append(vowels[random.nextInt(vowels.length)]);
            }
            LocalDate born = random.nextInt(10) == 0 ? null : LocalDate.of(1950, 1, 1).plusDays(random.nextInt(25_000));
            names.add(new PersonName(capital(family.toString()), capital(given.toString()), born));
        }
        return names;
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
