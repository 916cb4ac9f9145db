package org.waymark.screening.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Labelled pairs, language by language: a passenger's name as an airline sends it and a watch-list entry
 * as its owner wrote it, which must match and which must not.
 */
class NameMatcherTest {

    private static final LocalDate BORN = LocalDate.of(1990, 3, 4);

    @ParameterizedTest(name = "{0}: {1} {2} is {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Bulgarian  | IVANOVA      | MARIYA       | Иванова      | Мария
            Bulgarian  | IVANOWA      | MARIA        | Иванова      | Мария
            Bulgarian  | SHTEREV      | HRISTO       | Щерев        | Христо
            Bulgarian  | SHCHEREV     | KHRISTO      | Щерев        | Христо
            Bulgarian  | AGLENOVA     | DESISLAVA    | Ъгленова     | Десислава
            Bulgarian  | CVETKOVA     | JORDANKA     | Цветкова     | Йорданка
            Russian    | KUZNETSOVA   | YULIYA       | Кузнецова    | Юлия
            Russian    | KUZNECOVA    | IULIIA       | Кузнецова    | Юлия
            Russian    | SMIRNOV      | DMITRY       | Смирнов      | Дмитрий
            Russian    | SMIRNOV      | DMITRIJ      | Смирнов      | Дмитрий
            Russian    | BELYY        | SERGEI       | Белый        | Сергей
            Russian    | JUKOV        | ANDREY       | Жуков        | Андрей
            Russian    | SOLOVYOV     | EVGENIY      | Соловьёв     | Евгений
            Russian    | HABIBULLINA  | NATALYA      | Хабибуллина  | Наталья
            Russian    | SCHERBAKOV   | YELENA       | Щербаков     | Елена
            Ukrainian  | HRYTSENKO    | OLHA         | Гриценко     | Ольга
            Ukrainian  | GRITSENKO    | OLGA         | Гриценко     | Ольга
            Ukrainian  | SHEVCHENKO   | HRYHORIY     | Шевченко     | Григорій
            Ukrainian  | SHEVCHENKO   | GRIGORIY     | Шевченко     | Григорій
            Ukrainian  | IZHAKEVYCH   | MARYANA      | Їжакевич     | Мар'яна
            Ukrainian  | KOVALCHUK    | YEVHENIIA    | Ковальчук    | Євгенія
            Romanian   | MUNTEANU     | SHTEFAN      | Munteanu     | Ștefan
            Romanian   | TSURCANU     | IOANA        | Țurcanu      | Ioana
            Romanian   | STEFANESCU   | CATALIN      | Ştefănescu   | Cătălin
            Romanian   | CAPATANA     | MIHAELA      | Căpățână     | Mihaela
            Turkish    | SAHIN        | MEHMET       | Şahin        | Mehmet
            Turkish    | SAKHIN       | MEKHMET      | Şahin        | Mehmet
            Turkish    | YILDIZ       | AYSE         | Yıldız       | Ayşe
            Turkish    | CHELIK       | IBRAHIM      | Çelik        | İbrahim
            Turkish    | DOAN         | GULSEN       | Doğan        | Gülşen
            Turkish    | OZTURK       | ISIL         | Öztürk       | Işıl
            Albanian   | HOXHA        | DRITE        | Hoxha        | Dritë
            Albanian   | HODJA        | DRITA        | Hoxha        | Dritë
            Albanian   | CHELA        | KEMAL        | Çela         | Qemal
            Albanian   | KRASNIQI     | DJERDJ       | Krasniqi     | Gjergj
            Vietnamese | NGUYEN       | THI THU      | Nguyễn       | Thị Thu
            Vietnamese | DANG         | VAN DUC      | Đặng         | Văn Đức
            Vietnamese | HUYNH        | THI HUONG    | Huỳnh        | Thị Hương
            Swapped    | MARIYA       | IVANOVA      | Иванова      | Мария
            Swapped    | MEHMET       | SAHIN        | Şahin        | Mehmet
            Middle     | IVANOVA      | MARIYA       | Иванова      | Мария Елена
            Middle     | NGUYEN       | THU          | Nguyễn       | Thị Thu
            Middle     | POPESCU      | IOANA MARIA  | Popescu      | Ioana
            Slip       | KUZNETOSVA   | YULIYA       | Кузнецова    | Юлия
            Slip       | MELNYKK      | OLEH         | Мельник      | Олег
            """)
    void spellingsOfOneNameMatch(String language, String family, String given, String entryFamily, String entryGiven) {
        assertThat(NameMatcher.match(new PersonName(family, given, BORN), new PersonName(entryFamily, entryGiven, BORN)))
                .isPresent();
    }

    @ParameterizedTest(name = "{0}: {1} {2} is not {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Bulgarian  | IVANOVA      | ELENA        | Иванова      | Мария
            Bulgarian  | PETROVA      | MARIYA       | Иванова      | Мария
            Russian    | SMIRNOV      | BORIS        | Смирнов      | Дмитрий
            Russian    | ZAYTSEVA     | YULIYA       | Кузнецова    | Юлия
            Ukrainian  | HRYTSENKO    | OLEH         | Гриценко     | Ольга
            Ukrainian  | BOYKO        | TARAS        | Бойко        | Олександр
            Romanian   | POPA         | IOANA        | Popescu      | Ioana
            Romanian   | RUSU         | ION          | Rusu         | Ana
            Turkish    | SAHIN        | AYSE         | Şahin        | Mehmet
            Turkish    | AYDIN        | EMRE         | Aydın        | Cengiz
            Albanian   | GASHI        | BLERTA       | Gashi        | Mimoza
            Vietnamese | NGUYEN       | VAN DUC      | Nguyễn       | Thị Thu
            Vietnamese | TRAN         | THI THU      | Nguyễn       | Thị Thu
            """)
    void otherPeopleDoNotMatch(String language, String family, String given, String entryFamily, String entryGiven) {
        assertThat(NameMatcher.match(new PersonName(family, given, BORN), new PersonName(entryFamily, entryGiven, BORN)))
                .isEmpty();
    }

    @Test
    void theSameNameBornMoreThanAYearApartIsSomeoneElse() {
        PersonName entry = new PersonName("Иванова", "Мария", BORN);

        assertThat(NameMatcher.match(new PersonName("IVANOVA", "MARIYA", BORN.plusDays(366)), entry)).isPresent();
        assertThat(NameMatcher.match(new PersonName("IVANOVA", "MARIYA", BORN.minusDays(367)), entry)).isEmpty();
        assertThat(NameMatcher.match(new PersonName("IVANOVA", "MARIYA", BORN.plusYears(5)), entry)).isEmpty();
    }

    @Test
    void aBirthDateTheSameDayCountsMoreThanOneCloseByOrMissing() {
        PersonName entry = new PersonName("Иванова", "Мария", BORN);
        double sameDay = score(new PersonName("IVANOVA", "MARIYA", BORN), entry);
        double dayAndMonthSwapped = score(new PersonName("IVANOVA", "MARIYA", LocalDate.of(1990, 4, 3)), entry);
        double withinAYear = score(new PersonName("IVANOVA", "MARIYA", BORN.plusDays(40)), entry);
        double missing = score(new PersonName("IVANOVA", "MARIYA", null), entry);

        assertThat(sameDay).isEqualTo(1.0);
        assertThat(dayAndMonthSwapped).isLessThan(sameDay).isGreaterThan(withinAYear);
        assertThat(withinAYear).isLessThan(sameDay);
        assertThat(missing).isLessThan(sameDay).isGreaterThanOrEqualTo(NameMatcher.THRESHOLD);
    }

    @Test
    void aCloserSpellingScoresHigher() {
        PersonName entry = new PersonName("Кузнецова", "Юлия", BORN);

        double asWritten = score(new PersonName("KUZNETSOVA", "YULIYA", BORN), entry);

        assertThat(score(new PersonName("KUZNETOSVA", "YULIYA", BORN), entry)).isLessThan(asWritten);
        assertThat(score(new PersonName("YULIYA", "KUZNETSOVA", BORN), entry)).isLessThan(asWritten);
        assertThat(score(new PersonName("KUZNETSOVA", "YULIA", BORN), entry)).isLessThan(asWritten);
    }

    @Test
    void theExplanationSaysWhatMatchedAndHow() {
        assertThat(explain(new PersonName("IVANOVA", "MARIA", BORN), new PersonName("Иванова", "Мария", BORN)))
                .isEqualTo("family name same after transliteration Иванова → Ivanova;"
                        + " given name MARIA spelt another way: Мария → Mariya 0.97; born same day");
        assertThat(explain(new PersonName("SAKHIN", "MEHMET", LocalDate.of(1990, 4, 3)),
                new PersonName("Şahin", "Mehmet", BORN)))
                .isEqualTo("family name SAKHIN spelt another way: Şahin → Sahin 0.96; given name same: Mehmet;"
                        + " born on the same date with day and month swapped");
        assertThat(explain(new PersonName("MARIA", "IVANOVA", null), new PersonName("Иванова", "Мария Елена", BORN)))
                .isEqualTo("given and family names swapped;"
                        + " family name same after transliteration Иванова → Ivanova;"
                        + " given name MARIA spelt another way: Мария → Mariya 0.97;"
                        + " middle name Елена not on the passenger; no birth date on the passenger");
        assertThat(explain(new PersonName("KUZNETOSVA", "YULIA", BORN.plusDays(40)),
                new PersonName("Кузнецова", "Юлия", BORN)))
                .isEqualTo("family name KUZNETOSVA ~ Кузнецова → Kuznetsova 0.98;"
                        + " given name YULIA spelt another way: Юлия → Yuliya 0.97; born 40 days apart, within a year");
        assertThat(explain(new PersonName("POPESCU", "ION", BORN), new PersonName("Popescu", "Ion", null)))
                .isEqualTo("family name same: Popescu; given name same: Ion; no birth date on the watch list");
    }

    private static double score(PersonName passenger, PersonName entry) {
        return NameMatcher.match(passenger, entry).orElseThrow().score();
    }

    private static String explain(PersonName passenger, PersonName entry) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return NameMatcher.match(passenger, entry).orElseThrow().explanation(messages, Locale.UK);
    }
}
