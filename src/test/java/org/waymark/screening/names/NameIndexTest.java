package org.waymark.screening.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class NameIndexTest {

    private static final LocalDate BORN = LocalDate.of(1990, 3, 4);

    @Test
    void findsTheEntriesAPassengerMayBeBestFirst() {
        NameIndex<String> index = new NameIndex<>();
        index.put("maria", new PersonName("Иванова", "Мария", BORN));
        index.put("maria-later", new PersonName("Иванова", "Мария", BORN.plusDays(200)));
        index.put("elena", new PersonName("Иванова", "Елена", BORN));
        index.put("stefan", new PersonName("Munteanu", "Ștefan", null));

        assertThat(index.find(new PersonName("IVANOWA", "MARIA", BORN))).extracting(NameIndex.Found::id)
                .containsExactly("maria", "maria-later");
        assertThat(index.find(new PersonName("SHTEFAN", "MUNTEANU", null))).extracting(NameIndex.Found::id)
                .containsExactly("stefan");
        assertThat(index.find(new PersonName("PETROVA", "MARIA", BORN))).isEmpty();
    }

    @Test
    void scoresOnlyTheFewEntriesThatShareAKeyWithThePassenger() {
        NameIndex<Integer> index = new NameIndex<>();
        List<PersonName> others = NameVariants.others(20_000, 7);
        for (int i = 0; i < others.size(); i++) {
            index.put(i, others.get(i));
        }
        index.put(-1, new PersonName("Кузнецова", "Юлия", BORN));

        assertThat(index.candidates(new PersonName("KUZNETSOVA", "YULIYA", BORN))).contains(-1).hasSizeLessThan(200);
        assertThat(index.find(new PersonName("KUZNETSOVA", "YULIYA", BORN))).extracting(NameIndex.Found::id)
                .containsExactly(-1);
    }

    @Test
    void anEntryChangedOrRemovedIsFoundAsItIsNow() {
        NameIndex<String> index = new NameIndex<>();
        index.put("entry", new PersonName("Иванова", "Мария", BORN));
        index.put("entry", new PersonName("Şahin", "Mehmet", BORN));

        assertThat(index.find(new PersonName("IVANOVA", "MARIYA", BORN))).isEmpty();
        assertThat(index.find(new PersonName("SAHIN", "MEHMET", BORN))).extracting(NameIndex.Found::id)
                .containsExactly("entry");
        assertThat(index.size()).isEqualTo(1);

        index.remove("entry");

        assertThat(index.find(new PersonName("SAHIN", "MEHMET", BORN))).isEmpty();
        assertThat(index.size()).isZero();
    }
}
