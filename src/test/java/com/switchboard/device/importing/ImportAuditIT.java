package com.switchboard.device.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.PageSession;
import com.switchboard.SwitchboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import in the audit log as a reader sees it: one line with a link in the dashboard's feed, in the
 * page's language, while each device still has its own event naming the file.
 */
@SwitchboardTest
class ImportAuditIT {

    private static final Pattern ACTIVITY = Pattern.compile("(?s)<ul[^>]*id=\"recent-activity\"[^>]*>(.*?)</ul>");

    @LocalServerPort
    int port;

    @Test
    void anImportIsOneLineOfTheDashboardInTheReadersLanguage() {
        ImportFixture fixture = ImportFixture.create(port);
        JsonNode done = fixture.importFile(ImportFixture.HEADER + ImportFixture.validRows(25));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        long importId = done.get("id").asLong();
        PageSession page = PageSession.signIn(port, fixture.email, ImportFixture.PASSWORD);

        String french = feed(page.get("/?lang=fr").body());
        assertThat(french).contains("Appareils importés")
                .contains("href=\"/devices/imports/" + importId + "\"")
                .contains("devices.csv : 25 appareils ajoutés, aucun inchangé")
                .doesNotContain("Appareil ajouté")
                .doesNotContain("audit.", "device-import.", "added", "unchanged");

        String english = feed(page.get("/?lang=en").body());
        assertThat(english).contains("Devices imported").contains("devices.csv: 25 devices added, 0 unchanged");

        JsonNode devices = fixture.admin.get(fixture.path("/audit-events?objectType=device&size=100")).json();
        assertThat(devices.get("totalItems").asLong()).as("each device keeps its own event").isEqualTo(25);
        assertThat(devices.get("items").get(0).get("summary").asString()).endsWith(", from the file devices.csv");
    }

    private static String feed(String html) {
        Matcher m = ACTIVITY.matcher(html);
        assertThat(m.find()).as("the recent activity list").isTrue();
        return m.group(1);
    }
}
