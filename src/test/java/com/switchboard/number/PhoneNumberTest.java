package com.switchboard.number;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            +1 514 555 0100   | CA | +15145550100 | (514) 555-0100
            514-555-0119      | CA | +15145550119 | (514) 555-0119
            (416) 555.0100    | CA | +14165550100 | (416) 555-0100
            +1 201 555 0123   | US | +12015550123 | (201) 555-0123
            212 555 0100      | US | +12125550100 | (212) 555-0100
            +33 1 99 00 12 34 | FR | +33199001234 | 01 99 00 12 34
            01 99 00 12 34    | FR | +33199001234 | 01 99 00 12 34
            0612345678        | FR | +33612345678 | 06 12 34 56 78
            """)
    void acceptsNumbersOfTheCountryAndShowsThemTheWayTheCountryWritesThem(String input, String country, String e164,
                                                                         String national) {
        PhoneNumber number = PhoneNumber.parse(input, country);

        assertThat(number.e164()).isEqualTo(e164);
        assertThat(number.national()).isEqualTo(national);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            514 555 010       | CA | number.invalid
            +1 555 555 0100   | CA | number.invalid
            not a number      | CA | number.invalid
            +1 212 555 0100   | CA | number.wrong-country
            +1 514 555 0100   | US | number.wrong-country
            555 0100          | US | number.invalid
            +33 1 99 00 12    | FR | number.invalid
            00 00 00 00 00    | FR | number.invalid
            +1 514 555 0100   | FR | number.wrong-country
            +44 20 7946 0000  | FR | number.wrong-country
            """)
    void refusesWhatIsNotANumberOfTheSiteCountry(String input, String country, String code) {
        assertThatThrownBy(() -> PhoneNumber.parse(input, country))
                .isInstanceOfSatisfying(PhoneNumber.Invalid.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void refusesABlankNumber() {
        assertThatThrownBy(() -> PhoneNumber.parse("  ", "CA"))
                .isInstanceOfSatisfying(PhoneNumber.Invalid.class, e -> assertThat(e.code()).isEqualTo("number.required"));
    }

    @Test
    void aRangeWrittenWithTheLastDigitsHoldsEveryNumber() {
        List<PhoneNumber> range = PhoneNumber.range("+1 514 555 0100", "0199", "CA");

        assertThat(range).hasSize(100);
        assertThat(range.get(0).e164()).isEqualTo("+15145550100");
        assertThat(range.get(99).e164()).isEqualTo("+15145550199");
        assertThat(range).extracting(PhoneNumber::e164).doesNotHaveDuplicates();
    }

    @Test
    void aRangeMayEndWithAWholeNumber() {
        assertThat(PhoneNumber.range("01 99 00 12 00", "+33 1 99 00 12 09", "FR")).hasSize(10)
                .last().extracting(PhoneNumber::e164).isEqualTo("+33199001209");
    }

    @Test
    void refusesABackwardsOrOversizedRange() {
        assertThatThrownBy(() -> PhoneNumber.range("+1 514 555 0199", "0100", "CA"))
                .isInstanceOfSatisfying(PhoneNumber.Invalid.class, e -> assertThat(e.code()).isEqualTo("number.range.invalid"));
        assertThatThrownBy(() -> PhoneNumber.range("+1 514 555 0000", "+1 514 555 2000", "CA"))
                .isInstanceOfSatisfying(PhoneNumber.Invalid.class, e -> assertThat(e.code()).isEqualTo("number.range.too-large"));
    }

    @Test
    void theCanonicalFormIsGuarded() {
        assertThatThrownBy(() -> new PhoneNumber("5145550100")).isInstanceOf(IllegalArgumentException.class);
    }
}
