package org.waymark.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void countryCodesAreIsoAlpha2() {
        assertThat(CountryCode.isValid("MD")).isTrue();
        assertThat(CountryCode.isValid("md")).isFalse();
        assertThat(CountryCode.isValid("XX")).isFalse();
        assertThat(new CountryCode("MD").displayName(Locale.UK)).isEqualTo("Moldova");
        assertThatThrownBy(() -> new CountryCode("UK")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void airportCodesAreThreeCapitalLetters() {
        assertThat(AirportCode.isValid("STN")).isTrue();
        assertThat(AirportCode.isValid("stn")).isFalse();
        assertThat(AirportCode.isValid("ST1")).isFalse();
        assertThat(AirportCode.isValid("STNN")).isFalse();
    }

    @Test
    void aDateInputIsADateOnlyWhenTheBoxesMakeARealOne() {
        assertThat(input("16", "9", "2026").toLocalDate()).contains(LocalDate.of(2026, 9, 16));
        assertThat(input(" 16 ", "09", "2026").toLocalDate()).contains(LocalDate.of(2026, 9, 16));
        assertThat(input("30", "2", "2026").toLocalDate()).isEmpty();
        assertThat(input("16", "9", "26").toLocalDate()).isEmpty();
        assertThat(input("16", "Sept", "2026").toLocalDate()).isEmpty();
        assertThat(input("", "", "").isBlank()).isTrue();
    }

    private static DateInput input(String day, String month, String year) {
        DateInput input = new DateInput();
        input.setDay(day);
        input.setMonth(month);
        input.setYear(year);
        return input;
    }
}
