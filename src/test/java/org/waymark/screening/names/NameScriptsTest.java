package org.waymark.screening.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names in their own script or with their diacritics, in the Latin letters a booking most often has. */
class NameScriptsTest {

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Bulgarian  | Иванова       | ivanova
            Bulgarian  | Щерев         | shcherev
            Bulgarian  | Ъгленова      | aglenova
            Bulgarian  | Христо        | khristo
            Russian    | Дмитрий       | dmitriy
            Russian    | Белый         | bely
            Russian    | Жуков         | zhukov
            Russian    | Юлия          | yuliya
            Russian    | Соловьёв      | solovev
            Ukrainian  | Григорій      | hryhoriy
            Ukrainian  | Їжакевич      | yizhakevych
            Ukrainian  | Мар'яна       | maryana
            Ukrainian  | Євгенія       | yevheniya
            Romanian   | Ștefănescu    | stefanescu
            Romanian   | Ştefănescu    | stefanescu
            Romanian   | Țurcanu       | turcanu
            Romanian   | Căpățână      | capatana
            Romanian   | Brâncuși      | brancusi
            Turkish    | Şahin         | sahin
            Turkish    | Yıldız        | yildiz
            Turkish    | İbrahim       | ibrahim
            Turkish    | Doğan Öztürk  | dogan ozturk
            Turkish    | Gülşen Çelik  | gulsen celik
            Albanian   | Dritë Hoxhë   | drite hoxhe
            Albanian   | Çela          | cela
            Vietnamese | Nguyễn Thị Thu | nguyen thi thu
            Vietnamese | Đặng Văn Đức  | dang van duc
            Vietnamese | Huỳnh         | huynh
            Latin      | O'Neill-Smith | oneill smith
            Latin      | IVANOVA       | ivanova
            """)
    void writesTheNameInLatinLetters(String language, String written, String latin) {
        assertThat(NameScripts.latin(written)).isEqualTo(latin);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Григорій | uk
            Мар'яна  | ru
            Соловьёв | ru
            Ъгленова | bg
            Щерев    | ru
            """)
    void guessesTheLanguageOfCyrillicFromLettersOnlyItUses(String written, String language) {
        assertThat(NameScripts.cyrillicLanguage(written.toLowerCase())).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0} and {1} fold alike")
    @CsvSource(delimiter = '|', textBlock = """
            ivanova   | ivanowa
            ivanov    | ivanoff
            stefan    | shtefan
            sahin     | sakhin
            sahin     | shahin
            mariya    | maria
            mariya    | mariia
            yordan    | jordan
            hryhoriy  | grigoriy
            dmitriy   | dmitrii
            dmitriy   | dmitry
            sergey    | sergej
            zhukov    | jukov
            shcherev  | shterev
            shcherbakov | schtscherbakow
            khasan    | hasan
            tsvetkova | cvetkova
            celik     | chelik
            hoxha     | hodja
            gjergj    | djerdj
            qemal     | kemal
            solovyov  | solovev
            solowjow  | solovev
            yelena    | elena
            yildiz    | yyldyz
            """)
    void spellingsOfOneNameFoldAlike(String one, String other) {
        assertThat(Spellings.fold(one)).isEqualTo(Spellings.fold(other));
    }

    @ParameterizedTest(name = "{0} and {1} do not fold alike")
    @CsvSource(delimiter = '|', textBlock = """
            ivanova | ivanov
            maria   | marina
            petrov  | petrova
            elena   | alena
            olga    | oleg
            """)
    void differentNamesDoNotFoldAlike(String one, String other) {
        assertThat(Spellings.fold(one)).isNotEqualTo(Spellings.fold(other));
    }
}
