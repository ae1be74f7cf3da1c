package com.switchboard.device.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The import's rules, row by row and against the registered devices: no Spring, no database. */
class RowChecksTest {

    private static final long CUSTOMER = 7;
    private static final long OTHER_CUSTOMER = 8;
    private static final Site MONTREAL = site(1, "Montréal", "CA");
    private static final Site PARIS = site(2, "Paris", "FR");
    private static final DeviceModel T46U = model(10, "Yealink", "T46U", List.of("CA", "FR"), true);
    private static final DeviceModel VVX250 = model(11, "Poly", "VVX 250", List.of("CA"), true);
    private static final DeviceModel T42S = model(12, "Yealink", "T42S", List.of("CA", "FR"), false);
    private static final String HEADER = "Site,Device model,MAC address,Label\n";

    private final List<RowError> errors = new ArrayList<>();
    private final Map<String, ImportRepository.Holder> registered = new HashMap<>();

    @Test
    void aCleanFileKeepsEveryDeviceToAdd() throws IOException {
        RowChecks checks = check(HEADER + "Montréal,Yealink T46U,80:5E:C0:00:00:01,Reception\n"
                + " paris , yealink  t46u ,805E.C000.0002,\n");
        assertThat(errors).isEmpty();
        assertThat(checks.rows()).isEqualTo(2);
        NewDevices devices = checks.devices();
        assertThat(devices.size()).isEqualTo(2);
        assertThat(devices.mac(0)).isEqualTo("805EC0000001");
        assertThat(devices.site(0)).isEqualTo(1);
        assertThat(devices.model(0)).isEqualTo(10);
        assertThat(devices.label(0)).isEqualTo("Reception");
        assertThat(devices.site(1)).as("names forgive case and blanks").isEqualTo(2);
        assertThat(devices.label(1)).isNull();
    }

    @Test
    void reportsEveryBrokenRuleOfEveryRow() throws IOException {
        RowChecks checks = check(HEADER
                + "Lyon,Yealink T46U,805EC0000001,\n"
                + "Paris,Poly VVX 250,805EC0000002,\n"
                + "Montréal,Yealink T42S,805EC0000003,\n"
                + "Montréal,Nokia 3310,01:00:5E:00:00:01," + "x".repeat(101) + "\n"
                + ",,,Lobby\n");
        assertThat(errors).extracting(RowError::row, RowError::column, RowError::code).containsExactly(
                tuple(2, "Site", "import.site.unknown"),
                tuple(3, "Device model", "import.model.not-available"),
                tuple(4, "Device model", "import.model.not-available"),
                tuple(5, "Device model", "import.model.unknown"),
                tuple(5, "MAC address", "device.mac.multicast"),
                tuple(5, "Label", "import.label.too-long"),
                tuple(6, "Site", "import.row.required"),
                tuple(6, "Device model", "import.row.required"),
                tuple(6, "MAC address", "import.row.required"));
        assertThat(checks.errorCount()).isEqualTo(9);
        assertThat(checks.devices().size()).isZero();
    }

    @Test
    void aMacTwiceInTheFileIsAnErrorOnBothRows() throws IOException {
        check(HEADER + "Montréal,Yealink T46U,805EC0000001,\nMontréal,Yealink T46U,80-5e-c0-00-00-01,\n");
        assertThat(errors).extracting(RowError::row, RowError::code)
                .containsExactly(tuple(2, "import.mac.repeated"), tuple(3, "import.mac.repeated"));
        assertThat(errors.get(0).args()).containsExactly("80:5E:C0:00:00:01", "3");
    }

    @Test
    void aMacOfAnotherCustomerIsTakenWithoutSayingWhose() throws IOException {
        registered.put("805EC0000001", new ImportRepository.Holder(OTHER_CUSTOMER, 99, 10, null, false));
        RowChecks checks = check(HEADER + "Montréal,Yealink T46U,805EC0000001,\n");
        assertThat(errors).extracting(RowError::code).containsExactly("import.mac.registered");
        assertThat(errors.get(0).args()).containsExactly("80:5E:C0:00:00:01");
        assertThat(checks.devices().size()).isZero();
    }

    @Test
    void theCustomersOwnDeviceIsUnchangedWhenTheSameAndAnErrorWhenElsewhere() throws IOException {
        registered.put("805EC0000001", new ImportRepository.Holder(CUSTOMER, 1, 10, null, false));
        registered.put("805EC0000002", new ImportRepository.Holder(CUSTOMER, 2, 10, null, false));
        RowChecks checks = check(HEADER + "Montréal,Yealink T46U,805EC0000001,\nMontréal,Yealink T46U,805EC0000002,\n");
        assertThat(checks.unchangedCount()).isEqualTo(1);
        assertThat(checks.unchanged().get(2)).isTrue();
        assertThat(errors).extracting(RowError::row, RowError::code).containsExactly(tuple(3, "import.mac.in-inventory"));
        assertThat(errors.get(0).args()).containsExactly("80:5E:C0:00:00:02", "Paris", "Yealink T46U");
        assertThat(checks.devices().size()).isZero();
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsSaysHowMany() throws IOException {
        check(HEADER + "Montréal,Yealink T46U\n");
        assertThat(errors).extracting(RowError::code).containsExactly("import.row.field-count");
        assertThat(errors.get(0).args()).containsExactly("4", "2");
    }

    private RowChecks check(String csv) throws IOException {
        DeviceFile file = new DeviceFile(CsvFile.of(csv.getBytes(StandardCharsets.UTF_8)));
        ImportHeader.Count<Column> count = file.count(Integer.MAX_VALUE);
        RowChecks checks = new RowChecks(count.header(), CUSTOMER, List.of(MONTREAL, PARIS), List.of(T46U, VVX250, T42S),
                (macs, n) -> {
                    Map<String, ImportRepository.Holder> held = new HashMap<>();
                    for (int i = 0; i < n; i++) {
                        if (registered.containsKey(macs[i])) {
                            held.put(macs[i], registered.get(macs[i]));
                        }
                    }
                    return held;
                }, errors::add);
        file.forEachRow(count, checks::check);
        checks.flush();
        return checks;
    }

    private static Site site(long id, String name, String country) {
        return new Site(new SiteId(id), new CustomerId(CUSTOMER), name, null, country, null, "UTC", "en", Instant.EPOCH);
    }

    private static DeviceModel model(long id, String maker, String name, List<String> countries, boolean active) {
        return new DeviceModel(new DeviceModelId(id), maker, name, DeviceModel.Kind.DESK_PHONE, 2, "yealink", countries, active);
    }
}
