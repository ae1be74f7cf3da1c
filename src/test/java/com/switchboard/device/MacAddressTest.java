package com.switchboard.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.switchboard.device.MacAddress.Invalid;
import com.switchboard.device.MacAddress.Rule;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    private static final String CANONICAL = "001A2B3C4D5E";

    @ParameterizedTest
    @ValueSource(strings = {"00:1A:2B:3C:4D:5E", "00:1a:2b:3c:4d:5e"})
    void acceptsColonSeparated(String input) {
        assertThat(MacAddress.parse(input).value()).isEqualTo(CANONICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00-1A-2B-3C-4D-5E", "00-1a-2b-3c-4d-5e"})
    void acceptsDashSeparated(String input) {
        assertThat(MacAddress.parse(input).value()).isEqualTo(CANONICAL);
    }

    /** As some phone labels print it. */
    @ParameterizedTest
    @ValueSource(strings = {"00 1A 2B 3C 4D 5E", " 00 1a 2b 3c 4d 5e "})
    void acceptsBlankSeparated(String input) {
        assertThat(MacAddress.parse(input).value()).isEqualTo(CANONICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"001A.2B3C.4D5E", "001a.2b3c.4d5e"})
    void acceptsCiscoDotted(String input) {
        assertThat(MacAddress.parse(input).value()).isEqualTo(CANONICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"001A2B3C4D5E", "001a2b3c4d5e"})
    void acceptsBareDigits(String input) {
        assertThat(MacAddress.parse(input).value()).isEqualTo(CANONICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:1a:2B:3c:4D:5e", "00-1A-2b-3C-4d-5E", "001a.2B3c.4D5e", "001A2b3C4d5E"})
    void acceptsMixedCase(String input) {
        assertThat(MacAddress.parse(input).value()).isEqualTo(CANONICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "  00:1A:2B:3C:4D:5E  ",
        "\t00-1a-2b-3c-4d-5e\t",
        "\u00A0001A.2B3C.4D5E\u00A0",
        " \t\u00A0001a2b3c4d5e\u00A0\t \n"
    })
    void trimsSurroundingBlanksIncludingTabAndNonBreakingSpace(String input) {
        assertThat(MacAddress.parse(input).value()).isEqualTo(CANONICAL);
    }

    @Test
    void givesEqualAddressesWhateverTheNotation() {
        assertThat(MacAddress.parse("00:1a:2b:3c:4d:5e"))
                .isEqualTo(MacAddress.parse("001A.2B3C.4D5E"))
                .isEqualTo(MacAddress.parse(" 00-1A-2B-3C-4D-5E "))
                .isEqualTo(new MacAddress(CANONICAL));
    }

    @Test
    void exposesCanonicalValueDisplayFormAndOui() {
        MacAddress mac = MacAddress.parse("00-1a-2b-3c-4d-5e");

        assertThat(mac.value()).isEqualTo("001A2B3C4D5E");
        assertThat(mac.display()).isEqualTo("00:1A:2B:3C:4D:5E");
        assertThat(mac.oui()).isEqualTo("001A2B");
    }

    @Test
    void printsAsDisplayForm() {
        assertThat(MacAddress.parse("001a2b3c4d5e")).hasToString("00:1A:2B:3C:4D:5E");
    }

    @Test
    void matchesCanonicalPrefix() {
        MacAddress mac = MacAddress.parse("00:1A:2B:3C:4D:5E");

        assertThat(mac.hasPrefix("001A2B")).isTrue();
        assertThat(mac.hasPrefix("")).isTrue();
        assertThat(mac.hasPrefix(CANONICAL)).isTrue();
        assertThat(mac.hasPrefix("001A2C")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "\u00A0", " \t\u00A0\n "})
    void rejectsNullOrBlankAsRequired(String input) {
        assertRejected(input, Rule.BLANK, "device.mac.required");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AA:BB-CC:DD:EE:FF",        // mixed separators
        "00:1A-2B:3C:4D:5E",        // mixed separators
        "001A.2B3C-4D5E",           // mixed separators, Cisco grouping
        "AAB:BCC:DDE:EFF",          // wrong grouping
        "001A:2B3C:4D5E",           // Cisco grouping with colons
        "00.1A.2B.3C.4D.5E",        // dots with pair grouping
        "0:01A:2B:3C:4D:5E",        // separator in the wrong place, right length
        "AA:BB:CC:DD:EE",           // too short
        "001A2B3C4D5",              // 11 digits
        "00:1A:2B:3C:4D:5E:6F",     // too long
        "001A2B3C4D5E6",            // 13 digits
        "00:1A:2B:3C:4D:5G",        // non-hex letter
        "0x1A2B3C4D5E",             // hex prefix is not a notation
        "00:1A:2B 3C:4D:5E",        // inner blank instead of separator
        "001A2B 3C4D5",             // inner blank among bare digits
        ":::::::::::::::::"         // right length, no digits
    })
    void rejectsMalformedMacAddress(String input) {
        assertRejected(input, Rule.MALFORMED, "device.mac.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00:00:00:00:00", "000000000000", "0000.0000.0000"})
    void rejectsAllZerosMacAddress(String input) {
        assertRejected(input, Rule.ALL_ZEROS, "device.mac.zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FF:FF:FF:FF:FF:FF", "ff-ff-ff-ff-ff-ff", "ffff.ffff.ffff"})
    void rejectsBroadcastMacAddress(String input) {
        assertRejected(input, Rule.BROADCAST, "device.mac.broadcast");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "01:00:5E:00:00:01",    // IPv4 multicast
        "33:33:00:00:00:01",    // IPv6 multicast
        "01:80:C2:00:00:0E",    // LLDP
        "03:00:00:00:00:01",    // multicast wins over locally administered
        "FF:FF:FF:FF:FF:FE"     // near-broadcast is still multicast
    })
    void rejectsMulticastMacAddress(String input) {
        assertRejected(input, Rule.MULTICAST, "device.mac.multicast");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "02:00:00:00:00:01",
        "06:1A:2B:3C:4D:5E",
        "0A:1A:2B:3C:4D:5E",
        "0E:1A:2B:3C:4D:5E",
        "A6:1A:2B:3C:4D:5E",
        "da-a1-19-00-00-01",
        "fe1a.2b3c.4d5e"
    })
    void rejectsLocallyAdministeredMacAddress(String input) {
        assertRejected(input, Rule.LOCALLY_ADMINISTERED, "device.mac.local");
    }

    @ParameterizedTest
    @CsvSource({
        "BLANK,                device.mac.required",
        "MALFORMED,            device.mac.invalid",
        "ALL_ZEROS,            device.mac.zero",
        "BROADCAST,            device.mac.broadcast",
        "MULTICAST,            device.mac.multicast",
        "LOCALLY_ADMINISTERED, device.mac.local"
    })
    void keepsStableMessageCodes(Rule rule, String code) {
        assertThat(rule.code()).isEqualTo(code);
        assertThat(new Invalid(rule).getMessage()).isEqualTo(code);
    }

    @ParameterizedTest
    @MethodSource("mixedInputs")
    void checkAgreesWithParse(String input) {
        Optional<Rule> expected;
        try {
            MacAddress.parse(input);
            expected = Optional.empty();
        } catch (Invalid e) {
            expected = Optional.of(e.rule());
        }

        assertThat(MacAddress.check(input)).isEqualTo(expected);
    }

    @Test
    void checkReportsNothingForValidAddress() {
        assertThat(MacAddress.check(" 00:1a:2b:3c:4d:5e ")).isEmpty();
    }

    @Test
    void checkReportsTheBrokenRule() {
        assertThat(MacAddress.check(null)).contains(Rule.BLANK);
        assertThat(MacAddress.check("AA:BB-CC:DD:EE:FF")).contains(Rule.MALFORMED);
        assertThat(MacAddress.check("000000000000")).contains(Rule.ALL_ZEROS);
        assertThat(MacAddress.check("FFFFFFFFFFFF")).contains(Rule.BROADCAST);
        assertThat(MacAddress.check("01:00:5E:00:00:01")).contains(Rule.MULTICAST);
        assertThat(MacAddress.check("02:00:00:00:00:01")).contains(Rule.LOCALLY_ADMINISTERED);
    }

    @ParameterizedTest
    @CsvSource({
        "bb:cc,                BBCC",
        "'  aa-bb.cc  ',       AABBCC",
        "'bb cc',              BBCC",
        "a,                    A",
        "'00:1a:2b:3c:4d:5e',  001A2B3C4D5E",
        "001A.2B3C.4D5E,       001A2B3C4D5E",
        "'\t5e\u00A0',         5E"
    })
    void extractsSearchFragment(String input, String fragment) {
        assertThat(MacAddress.searchFragment(input)).isEqualTo(fragment);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ":-.", "xyz", "bb:cg", "dell", "00:1A:2B:3C:4D:5E:6F", "001A2B3C4D5E6"})
    void refusesUnusableSearchFragment(String input) {
        assertThat(MacAddress.searchFragment(input)).isNull();
    }

    @Test
    void constructorAcceptsCanonicalValue() {
        assertThat(new MacAddress(CANONICAL).value()).isEqualTo(CANONICAL);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "bad", "", "001a2b3c4d5e", "00:1A:2B:3C:4D:5E", "001A.2B3C.4D5E",
        "001A2B3C4D5", "001A2B3C4D5E0", " 001A2B3C4D5E", "001A2B3C4D5G"
    })
    void constructorRefusesNonCanonicalValue(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new MacAddress(value));
    }

    static Stream<String> mixedInputs() {
        return Stream.of(
                null, "", " \t", "\u00A0",
                "00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "001A.2B3C.4D5E", "001a2b3c4d5e", " 001A2B3C4D5E\t",
                "AA:BB-CC:DD:EE:FF", "AAB:BCC:DDE:EFF", "AA:BB:CC:DD:EE", "001A2B3C4D5E6", "00:1A:2B:3C:4D:5G",
                "00:1A:2B 3C:4D:5E",
                "00:00:00:00:00:00", "FF:FF:FF:FF:FF:FF", "01:00:5E:00:00:01", "03:00:00:00:00:01",
                "02:00:00:00:00:01", "06:00:00:00:00:01", "0A:00:00:00:00:01", "0E:00:00:00:00:01");
    }

    private static void assertRejected(String input, Rule rule, String code) {
        assertThatExceptionOfType(Invalid.class)
                .isThrownBy(() -> MacAddress.parse(input))
                .withMessage(code)
                .satisfies(e -> assertThat(e.rule()).isEqualTo(rule));
        assertThat(rule.code()).isEqualTo(code);
        assertThat(MacAddress.check(input)).contains(rule);
    }
}
