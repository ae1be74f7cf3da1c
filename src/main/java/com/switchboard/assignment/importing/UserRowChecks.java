package com.switchboard.assignment.importing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.switchboard.catalog.DeviceModel;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.MacAddress;
import com.switchboard.importing.ImportHeader;
import com.switchboard.importing.RowError;
import com.switchboard.importing.TypedName;
import com.switchboard.number.PhoneNumber;
import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.site.Site;
import com.switchboard.user.UserDetails;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The rules of a user import file. First each row on its own, with the wizard's rules ({@link UserDetails},
 * {@link MacAddress}, {@link PhoneNumber}, the catalogue's availability, {@link DeviceInventory#MAX_LABEL}), and
 * against the rows before it (one email, extension, number or MAC twice); then, once the database has said who
 * holds the file's emails, extensions, numbers and MACs, against what exists. Every broken rule of every row is
 * reported as a value; the rows that pass become the plan of what to create.
 */
final class UserRowChecks {

    /** A row read and checked on its own: the values as the wizard would take them. */
    static final class Row {
        final int number;
        final UserDetails details;
        final Site site;
        String e164;
        final String numberValue;
        final String mac;
        final String macValue;
        final DeviceModel model;
        final String label;
        final boolean modelGiven;
        /** The number was written in E.164 already and is read by libphonenumber only if it is not a number of the site. */
        final boolean numberUnread;

        Row(int number, UserDetails details, Site site, String e164, String numberValue, String mac, String macValue,
            DeviceModel model, String label, boolean modelGiven, boolean numberUnread) {
            this.modelGiven = modelGiven;
            this.numberUnread = numberUnread;
            this.number = number;
            this.details = details;
            this.site = site;
            this.e164 = e164;
            this.numberValue = numberValue;
            this.mac = mac;
            this.macValue = macValue;
            this.model = model;
            this.label = label;
        }

        String emailKey() {
            return details.email() == null ? null : details.email().toLowerCase(Locale.ROOT);
        }
    }

    /** What the database holds of the file's values. */
    record Holdings(Map<String, ExistingUser> usersByEmail, Map<String, Long> usersByExtension,
                    Map<String, ExistingNumber> numbers, Map<String, ExistingDevice> devices) {

        /** These holdings and more numbers. */
        Holdings withNumbers(Map<String, ExistingNumber> more) {
            Map<String, ExistingNumber> all = new HashMap<>(numbers);
            all.putAll(more);
            return new Holdings(usersByEmail, usersByExtension, all, devices);
        }
    }

    record ExistingUser(long id, long siteId, String extension) {
    }

    record ExistingNumber(long id, long customerId, long siteId, Long assignedUserId) {
    }

    record ExistingDevice(long id, long customerId, long siteId, long modelId, Long assignedUserId) {
    }

    /**
     * What one row makes: a new user (or the existing one of a file uploaded again), the number to give them,
     * the device to give them or to add first.
     */
    record Action(int row, UserDetails details, Long existingUserId, Long numberId, Long deviceId, DeviceModel newModel,
                  String newMac, String newLabel) {
    }

    /** What a clean file makes: one action per row that changes something; the others are unchanged. */
    record Plan(List<Action> actions, BitSet unchanged, int unchangedCount) {

        int usersCreated() {
            return (int) actions.stream().filter(a -> a.existingUserId() == null).count();
        }
    }

    private static final Map<String, UserColumn> FIELDS = Map.of("firstName", UserColumn.FIRST_NAME,
            "lastName", UserColumn.LAST_NAME, "email", UserColumn.EMAIL, "siteId", UserColumn.SITE,
            "extension", UserColumn.EXTENSION, "language", UserColumn.LANGUAGE);

    private final ImportHeader<UserColumn> header;
    private final long customerId;
    private final Consumer<RowError> errors;
    private final Map<String, Site> sitesByName = new HashMap<>();
    private final Map<Long, Site> sitesById = new HashMap<>();
    private final Map<String, DeviceModel> modelsByName = new HashMap<>();
    private final Map<Long, DeviceModel> modelsById = new HashMap<>();

    private final Map<String, Integer> firstRowOfEmail = new HashMap<>();
    private final Map<String, Integer> firstRowOfExtension = new HashMap<>();
    private final Map<String, Integer> firstRowOfNumber = new HashMap<>();
    private final Map<String, Integer> firstRowOfMac = new HashMap<>();
    /** Rows with an error of their own or of a repeated value: settled against the database for more errors only. */
    private final BitSet broken = new BitSet();
    private final List<Row> rows = new ArrayList<>();
    private int errorCount;
    private int checked;

    UserRowChecks(ImportHeader<UserColumn> header, long customerId, List<Site> sites, List<DeviceModel> models,
                  Consumer<RowError> errors) {
        this.header = header;
        this.customerId = customerId;
        this.errors = errors;
        for (Site site : sites) {
            sitesByName.put(TypedName.key(site.name()), site);
            sitesById.put(site.id().value(), site);
        }
        for (DeviceModel model : models) {
            modelsByName.put(TypedName.key(model.displayName()), model);
            modelsById.put(model.id().value(), model);
        }
    }

    /** Checks one non-blank record on its own and against the rows before it; {@code row} is its spreadsheet number. */
    void check(int row, CsvRecord record) {
        checked++;
        int errorsBefore = errorCount;
        if (record.getFieldCount() != header.fieldCount()) {
            error(row, null, null, "import.row.field-count", header.fieldCount(), record.getFieldCount());
            broken.set(row);
            return;
        }
        String siteValue = field(record, UserColumn.SITE);
        Site site = null;
        if (!siteValue.isBlank()) {
            site = sitesByName.get(TypedName.key(siteValue));
            if (site == null) {
                error(row, UserColumn.SITE, siteValue, "import.site.unknown", siteValue.strip());
            }
        }
        String language = field(record, UserColumn.LANGUAGE);
        // The person's language defaults to their site's, as in the wizard.
        UserDetails details = UserDetails.normalised(field(record, UserColumn.FIRST_NAME), field(record, UserColumn.LAST_NAME),
                field(record, UserColumn.EMAIL), site == null ? null : site.id().value(), field(record, UserColumn.EXTENSION),
                language.isBlank() && site != null ? site.language() : language);
        for (FieldProblem problem : details.problems()) {
            UserColumn column = FIELDS.get(problem.field());
            if (column == UserColumn.SITE && !siteValue.isBlank()) {
                continue; // an unknown site, said above
            }
            error(row, column, column == null ? null : field(record, column), problem.code(), problem.args());
        }

        String numberValue = field(record, UserColumn.NUMBER);
        String e164 = null;
        boolean numberUnread = false;
        if (!numberValue.isBlank() && site != null && isE164(numberValue.strip())) {
            // Written as the portal stores numbers: settled against the customer's numbers first (see settle).
            e164 = numberValue.strip();
            numberUnread = true;
        } else if (!numberValue.isBlank() && site != null) {
            try {
                e164 = PhoneNumber.parse(numberValue, site.country()).e164();
            } catch (PhoneNumber.Invalid e) {
                error(row, UserColumn.NUMBER, numberValue, e.code(), e.args());
            }
        }

        String macValue = field(record, UserColumn.MAC);
        String modelValue = field(record, UserColumn.MODEL);
        String label = field(record, UserColumn.LABEL).strip();
        String mac = null;
        if (!macValue.isBlank()) {
            Optional<MacAddress.Rule> rule = MacAddress.check(macValue);
            if (rule.isPresent()) {
                error(row, UserColumn.MAC, macValue, rule.get().code());
            } else {
                mac = MacAddress.parse(macValue).value();
            }
        } else if (!modelValue.isBlank() || !label.isEmpty()) {
            error(row, UserColumn.MAC, macValue, "user-import.mac.required");
        }
        DeviceModel model = null;
        if (!modelValue.isBlank()) {
            model = modelsByName.get(TypedName.key(modelValue));
            if (model == null) {
                error(row, UserColumn.MODEL, modelValue, "import.model.unknown", modelValue.strip());
            } else if (site != null && !model.availableIn(site.country())) {
                error(row, UserColumn.MODEL, modelValue, "import.model.not-available", model.displayName(), site.name());
            }
        }
        if (label.length() > DeviceInventory.MAX_LABEL) {
            error(row, UserColumn.LABEL, label, "validation.too-long", DeviceInventory.MAX_LABEL);
        }

        Row checkedRow = new Row(row, details, site, e164, numberValue, mac, macValue, model, label.isEmpty() ? null : label,
                !modelValue.isBlank(), numberUnread);
        if (details.email() != null) {
            repeated(firstRowOfEmail, checkedRow.emailKey(), row, UserColumn.EMAIL, details.email(), "user-import.email.repeated");
        }
        if (details.extension() != null) {
            repeated(firstRowOfExtension, details.extension(), row, UserColumn.EXTENSION, details.extension(),
                    "user-import.extension.repeated");
        }
        if (e164 != null) {
            repeated(firstRowOfNumber, e164, row, UserColumn.NUMBER, numberValue, "user-import.number.repeated");
        }
        if (mac != null) {
            repeated(firstRowOfMac, mac, row, UserColumn.MAC, macValue, "import.mac.repeated");
        }
        if (errorCount > errorsBefore) {
            broken.set(row);
        }
        rows.add(checkedRow);
    }

    /** A value already on an earlier row: both rows are told of the other. */
    private void repeated(Map<String, Integer> firstRows, String key, int row, UserColumn column, String value, String code) {
        Integer first = firstRows.putIfAbsent(key, row);
        if (first != null) {
            error(first, column, value, code, value.strip(), row);
            error(row, column, value, code, value.strip(), first);
            broken.set(first);
            broken.set(row);
        }
    }

    /**
     * Reads with libphonenumber, as the rows of other forms were, the numbers written in E.164 that are not numbers of
     * their row's site ({@code numbers}: what the database holds of {@link #numbers()}): their errors are the wizard's,
     * and one may read as another number ("+33 0…" is "+33 …"), checked against the other rows again.
     *
     * @return the numbers so read that {@link #numbers()} did not hold, to look up before {@link #settle}
     */
    List<String> readNumbersNotOfTheirSite(Map<String, ExistingNumber> numbers) {
        List<String> more = new ArrayList<>();
        for (Row row : rows) {
            if (!row.numberUnread || row.e164 == null || isNumberOfSite(numbers.get(row.e164), row.site)) {
                continue;
            }
            try {
                String e164 = PhoneNumber.parse(row.numberValue, row.site.country()).e164();
                if (!e164.equals(row.e164)) {
                    row.e164 = e164;
                    repeated(firstRowOfNumber, e164, row.number, UserColumn.NUMBER, row.numberValue,
                            "user-import.number.repeated");
                    if (!numbers.containsKey(e164)) {
                        more.add(e164);
                    }
                }
            } catch (PhoneNumber.Invalid e) {
                error(row.number, UserColumn.NUMBER, row.numberValue, e.code(), e.args());
                broken.set(row.number);
                row.e164 = null;
            }
        }
        return more.stream().distinct().toList();
    }

    /** The emails (lower case), extensions, numbers and MACs of the file, for one query each. */
    List<String> emails() {
        return rows.stream().map(Row::emailKey).filter(e -> e != null).distinct().toList();
    }

    List<String> extensions() {
        return rows.stream().map(r -> r.details.extension()).filter(e -> e != null).distinct().toList();
    }

    List<String> numbers() {
        return rows.stream().map(r -> r.e164).filter(e -> e != null).distinct().toList();
    }

    List<String> macs() {
        return rows.stream().map(r -> r.mac).filter(m -> m != null).distinct().toList();
    }

    /**
     * Checks every row against what exists and returns what a clean file makes. A row whose person exists with the
     * same site and extension, and already holds its number and phone, is unchanged: uploading a file again is
     * harmless. Someone else's number is told as unknown, someone else's MAC as registered: nothing of another
     * customer shows.
     */
    Plan settle(Holdings holdings) {
        List<Action> actions = new ArrayList<>();
        BitSet unchanged = new BitSet();
        int unchangedCount = 0;
        for (Row row : rows) {
            int errorsBefore = errorCount;
            Site site = row.site;
            Long userId = null;
            ExistingUser existing = row.emailKey() == null ? null : holdings.usersByEmail().get(row.emailKey());
            if (existing != null) {
                if (site != null && existing.siteId() == site.id().value() && existing.extension().equals(row.details.extension())) {
                    userId = existing.id();
                } else {
                    error(row.number, UserColumn.EMAIL, row.details.email(), "user.email.taken", row.details.email());
                }
            }
            Long extensionHolder = row.details.extension() == null ? null : holdings.usersByExtension().get(row.details.extension());
            if (extensionHolder != null && !extensionHolder.equals(userId) && existing == null) {
                error(row.number, UserColumn.EXTENSION, row.details.extension(), "user.extension.taken", row.details.extension());
            }

            Long numberId = null;
            if (row.e164 != null && site != null) {
                ExistingNumber number = holdings.numbers().get(row.e164);
                if (number == null || number.customerId() != customerId) {
                    error(row.number, UserColumn.NUMBER, row.numberValue, "user-import.number.unknown", row.numberValue.strip());
                } else if (number.siteId() != site.id().value()) {
                    error(row.number, UserColumn.NUMBER, row.numberValue, "assignment.site-mismatch", row.numberValue.strip(),
                            siteName(number.siteId()));
                } else if (number.assignedUserId() == null) {
                    numberId = number.id();
                } else if (!number.assignedUserId().equals(userId)) {
                    error(row.number, UserColumn.NUMBER, row.numberValue, "number.assigned", row.numberValue.strip());
                }
            }

            Long deviceId = null;
            boolean newDevice = false;
            if (row.mac != null && site != null) {
                String display = new MacAddress(row.mac).display();
                ExistingDevice device = holdings.devices().get(row.mac);
                if (device == null) {
                    if (!row.modelGiven) {
                        error(row.number, UserColumn.MAC, row.macValue, "user-import.mac.not-in-inventory", display);
                    }
                    newDevice = true;
                } else if (device.customerId() != customerId) {
                    error(row.number, UserColumn.MAC, row.macValue, "import.mac.registered", display);
                } else if (device.siteId() != site.id().value()) {
                    error(row.number, UserColumn.MAC, row.macValue, "assignment.site-mismatch", display, siteName(device.siteId()));
                } else if (row.model != null && device.modelId() != row.model.id().value()) {
                    error(row.number, UserColumn.MODEL, row.model.displayName(), "user-import.mac.other-model", display,
                            modelName(device.modelId()));
                } else if (device.assignedUserId() == null) {
                    deviceId = device.id();
                } else if (!device.assignedUserId().equals(userId)) {
                    error(row.number, UserColumn.MAC, row.macValue, "device.assigned", display);
                }
            }

            if (errorCount > errorsBefore || broken.get(row.number)) {
                continue;
            }
            if (userId != null && numberId == null && deviceId == null && !newDevice) {
                unchanged.set(row.number);
                unchangedCount++;
            } else {
                actions.add(new Action(row.number, row.details, userId, numberId, deviceId, newDevice ? row.model : null,
                        newDevice ? row.mac : null, newDevice ? row.label : null));
            }
        }
        return new Plan(actions, unchanged, unchangedCount);
    }

    /**
     * A value written exactly as {@link PhoneNumber#e164()} writes numbers: "+", a first digit that is not 0, at most
     * 15 digits (ITU-T E.164). Such a value needs no libphonenumber reading when it is one of the site's numbers: those
     * were read and checked for the site's country when they were added (and "a free number of that site" is the
     * wizard's rule), and parsing a number already in E.164 gives it back unchanged. A hand loop, not a regex: it runs
     * on every row of files of 10,000.
     */
    static boolean isE164(String value) {
        if (value.length() < 3 || value.length() > 16 || value.charAt(0) != '+' || value.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean isNumberOfSite(ExistingNumber number, Site site) {
        return number != null && number.customerId() == customerId && number.siteId() == site.id().value();
    }

    int rows() {
        return checked;
    }

    int errorCount() {
        return errorCount;
    }

    private String siteName(long id) {
        Site site = sitesById.get(id);
        return site == null ? "?" : site.name();
    }

    private String modelName(long id) {
        DeviceModel model = modelsById.get(id);
        return model == null ? "?" : model.displayName();
    }

    private String field(CsvRecord record, UserColumn column) {
        return header.field(record, column);
    }

    private void error(int row, UserColumn column, String value, String code, Object... args) {
        errorCount++;
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        errors.accept(new RowError(row, column == null ? null : header.name(column), value, code, text));
    }
}
