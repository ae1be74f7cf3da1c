package com.switchboard.assignment.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.switchboard.catalog.DeviceModel;
import com.switchboard.catalog.DeviceModelId;
import com.switchboard.importing.CsvFile;
import com.switchboard.importing.ImportHeader;
import com.switchboard.importing.RowError;
import com.switchboard.site.Site;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a user import's rows, on their own and against given holdings: no Spring, no database. */
class UserRowChecksTest {

    static final long CUSTOMER = 7;
    static final Site MONTREAL = new Site(new SiteId(1), new CustomerId(CUSTOMER), "Montréal", null, "CA", "QC",
            "America/Toronto", "fr", null);
    static final Site PARIS = new Site(new SiteId(2), new CustomerId(CUSTOMER), "Paris", null, "FR", null, "Europe/Paris", "fr", null);
    static final DeviceModel T54W = new DeviceModel(new DeviceModelId(10), "Yealink", "T54W", DeviceModel.Kind.DESK_PHONE, 27,
            "yealink", List.of("CA", "FR"), true);
    static final DeviceModel CA_ONLY = new DeviceModel(new DeviceModelId(11), "Poly", "Edge E100", DeviceModel.Kind.DESK_PHONE, 4,
            "poly", List.of("CA"), true);
    static final String HEADER = "First name,Last name,Email,Site,Extension,Language,Phone number,Phone MAC address,Phone model,Phone label\n";

    final List<RowError> errors = new ArrayList<>();

    UserRowChecks read(String csv) throws IOException {
        CsvFile file = CsvFile.of(csv.getBytes(StandardCharsets.UTF_8));
        ImportHeader<UserColumn> header = null;
        UserRowChecks checks = null;
        int row = 0;
        try (CsvReader<CsvRecord> reader = file.records()) {
            for (CsvRecord record : reader) {
                row++;
                if (header == null) {
                    header = ImportHeader.of(record, UserColumn.class, UserImporter.MISSING_HEADER);
                    checks = new UserRowChecks(header, CUSTOMER, List.of(MONTREAL, PARIS), List.of(T54W, CA_ONLY), errors::add);
                } else if (!CsvFile.isBlank(record)) {
                    checks.check(row, record);
                }
            }
        }
        return checks;
    }

    List<String> codes() {
        return errors.stream().map(e -> e.row() + " " + e.column() + " " + e.code()).toList();
    }

    @Test
    void aCleanRowBecomesTheWizardsSetupWithTheSitesLanguage() throws IOException {
        UserRowChecks checks = read(HEADER + " Anne ,Martin,anne@example.com,montréal,201,,(514) 555-0123,80-5e-c0-12-34-56,yealink t54w,Desk\n");
        UserRowChecks.Plan plan = checks.settle(new UserRowChecks.Holdings(Map.of(), Map.of(),
                Map.of("+15145550123", new UserRowChecks.ExistingNumber(5, CUSTOMER, 1, null)), Map.of()));
        assertThat(errors).isEmpty();
        assertThat(plan.actions()).hasSize(1);
        UserRowChecks.Action action = plan.actions().get(0);
        assertThat(action.details().firstName()).isEqualTo("Anne");
        assertThat(action.details().language()).isEqualTo("fr");
        assertThat(action.details().siteId()).isEqualTo(1L);
        assertThat(action.newMac()).isEqualTo("805EC0123456");
        assertThat(action.newModel()).isEqualTo(T54W);
        assertThat(action.newLabel()).isEqualTo("Desk");
        assertThat(action.numberId()).isEqualTo(5L);
        assertThat(checks.numbers()).containsExactly("+15145550123");
    }

    @Test
    void rejectsAModelNotSoldAtTheSiteAndANumberOfAnotherCountry() throws IOException {
        read(HEADER + "Jean,Dupont,jean@example.com,Paris,301,,+1 514 555 0123,80:5E:C0:12:34:57,Poly Edge E100,\n");
        assertThat(codes()).containsExactly("2 Phone number number.wrong-country", "2 Phone model import.model.not-available");
    }

    @Test
    void rejectsALabelOverTheInventorysLimit() throws IOException {
        read(HEADER + "Jean,Dupont,jean@example.com,Paris,301,,,80:5E:C0:12:34:57,Yealink T54W," + "x".repeat(101) + "\n");
        assertThat(codes()).containsExactly("2 Phone label validation.too-long");
    }

    @Test
    void tellsBothRowsOfARepeatedValue() throws IOException {
        read(HEADER + "A,A,a@example.com,Paris,301,,,,,\nB,B,b@example.com,Paris,301,,,,,\nC,C,c@example.com,Paris,301,,,,,\n");
        assertThat(codes()).containsExactly("2 Extension user-import.extension.repeated", "3 Extension user-import.extension.repeated",
                "2 Extension user-import.extension.repeated", "4 Extension user-import.extension.repeated");
    }

    @Test
    void aPersonAlreadySetUpWithTheirNumberAndPhoneIsUnchanged() throws IOException {
        UserRowChecks checks = read(HEADER + "A,A,A@Example.com,Montréal,201,,514 555 0123,805EC0123456,,\n");
        UserRowChecks.Plan plan = checks.settle(new UserRowChecks.Holdings(
                Map.of("a@example.com", new UserRowChecks.ExistingUser(99, 1, "201")), Map.of("201", 99L),
                Map.of("+15145550123", new UserRowChecks.ExistingNumber(5, CUSTOMER, 1, 99L)),
                Map.of("805EC0123456", new UserRowChecks.ExistingDevice(6, CUSTOMER, 1, 10, 99L))));
        assertThat(errors).isEmpty();
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unchangedCount()).isEqualTo(1);
        assertThat(plan.unchanged().get(2)).isTrue();
    }

    @Test
    void anotherCustomersNumberIsUnknownAndTheirPhoneRegistered() throws IOException {
        UserRowChecks checks = read(HEADER + "A,A,a@example.com,Montréal,201,,514 555 0123,805EC0123456,,\n");
        checks.settle(new UserRowChecks.Holdings(Map.of(), Map.of(),
                Map.of("+15145550123", new UserRowChecks.ExistingNumber(5, CUSTOMER + 1, 40, null)),
                Map.of("805EC0123456", new UserRowChecks.ExistingDevice(6, CUSTOMER + 1, 40, 10, null))));
        assertThat(codes()).containsExactly("2 Phone number user-import.number.unknown", "2 Phone MAC address import.mac.registered");
        assertThat(errors.get(0).args()).containsExactly("514 555 0123");
    }

    @Test
    void aFreeNumberAndPhoneOfTheSiteAreGiven() throws IOException {
        UserRowChecks checks = read(HEADER + "A,A,a@example.com,Montréal,201,en,514 555 0123,805EC0123456,,\n");
        UserRowChecks.Plan plan = checks.settle(new UserRowChecks.Holdings(Map.of(), Map.of(),
                Map.of("+15145550123", new UserRowChecks.ExistingNumber(5, CUSTOMER, 1, null)),
                Map.of("805EC0123456", new UserRowChecks.ExistingDevice(6, CUSTOMER, 1, 10, null))));
        assertThat(errors).isEmpty();
        assertThat(plan.actions()).singleElement().satisfies(a -> {
            assertThat(a.numberId()).isEqualTo(5L);
            assertThat(a.deviceId()).isEqualTo(6L);
            assertThat(a.newMac()).isNull();
            assertThat(a.details().language()).isEqualTo("en");
        });
    }

    @Test
    void aNumberWrittenInE164IsOneOfTheSitesWithoutBeingReadAgain() throws IOException {
        UserRowChecks checks = read(HEADER + "A,A,a@example.com,Montréal,201,,+15145550123,,,\n");
        Map<String, UserRowChecks.ExistingNumber> numbers = Map.of("+15145550123", new UserRowChecks.ExistingNumber(5, CUSTOMER, 1, null));
        assertThat(checks.readNumbersNotOfTheirSite(numbers)).isEmpty();
        UserRowChecks.Plan plan = checks.settle(new UserRowChecks.Holdings(Map.of(), Map.of(), numbers, Map.of()));
        assertThat(errors).isEmpty();
        assertThat(plan.actions()).singleElement().satisfies(a -> assertThat(a.numberId()).isEqualTo(5L));
    }

    @Test
    void aNumberWrittenInE164ThatIsNotOfTheSiteHasTheWizardsErrors() throws IOException {
        UserRowChecks checks = read(HEADER + "A,A,a@example.com,Montréal,201,,+33199001234,,,\n"
                + "B,B,b@example.com,Montréal,202,,+1514555012,,,\n"
                + "C,C,c@example.com,Paris,301,,+15145550123,,,\n");
        assertThat(errors).isEmpty();
        // The Paris number of another site of the customer, or of nobody: read, and refused as the wizard would.
        Map<String, UserRowChecks.ExistingNumber> numbers = Map.of("+15145550123", new UserRowChecks.ExistingNumber(5, CUSTOMER, 1, null));
        assertThat(checks.readNumbersNotOfTheirSite(numbers)).isEmpty();
        checks.settle(new UserRowChecks.Holdings(Map.of(), Map.of(), numbers, Map.of()));
        assertThat(codes()).containsExactly("2 Phone number number.wrong-country", "3 Phone number number.invalid",
                "4 Phone number number.wrong-country");
    }

    @Test
    void aNumberWrittenInE164WithTheNationalPrefixIsReadAsTheNumberItIs() throws IOException {
        UserRowChecks checks = read(HEADER + "A,A,a@example.com,Paris,301,,+330199001234,,,\n"
                + "B,B,b@example.com,Paris,302,,+33199001235,,,\n"
                + "C,C,c@example.com,Paris,303,,01 99 00 12 34,,,\n");
        assertThat(errors).isEmpty();
        assertThat(checks.numbers()).containsExactly("+330199001234", "+33199001235", "+33199001234");
        List<String> more = checks.readNumbersNotOfTheirSite(Map.of());
        assertThat(more).containsExactly("+33199001234");
        // Row 2 is the number of row 4, written otherwise: both rows are told.
        assertThat(codes()).containsExactly("4 Phone number user-import.number.repeated", "2 Phone number user-import.number.repeated");
        UserRowChecks.Plan plan = checks.settle(new UserRowChecks.Holdings(Map.of(), Map.of(),
                Map.of("+33199001234", new UserRowChecks.ExistingNumber(8, CUSTOMER, 2, null),
                        "+33199001235", new UserRowChecks.ExistingNumber(9, CUSTOMER, 2, null)), Map.of()));
        assertThat(codes()).hasSize(2);
        assertThat(plan.actions()).singleElement().satisfies(a -> assertThat(a.numberId()).isEqualTo(9L));
    }

    @Test
    void e164IsAPlusAndAtMostFifteenDigitsNotStartingWithZero() {
        assertThat(UserRowChecks.isE164("+15145550123")).isTrue();
        assertThat(UserRowChecks.isE164("+123456789012345")).isTrue();
        assertThat(UserRowChecks.isE164("+1234567890123456")).isFalse();
        assertThat(UserRowChecks.isE164("+05145550123")).isFalse();
        assertThat(UserRowChecks.isE164("15145550123")).isFalse();
        assertThat(UserRowChecks.isE164("+1 514 555 0123")).isFalse();
        assertThat(UserRowChecks.isE164("+")).isFalse();
    }
}
