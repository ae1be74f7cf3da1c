package com.switchboard.device.importing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.switchboard.ApiClient;
import com.switchboard.PageClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class ImportPagesIT {

    @LocalServerPort
    int port;

    @Test
    void aFileFarOverTheLimitComesBackToTheUploadFormWithItsMessage() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = TestData.customerAdminAccount(provider, customer);
        PageClient pages = new PageClient(port).signIn(email, TestData.PASSWORD);
        String form = pages.get("/devices/imports/new").body();
        String csrf = PageClient.csrf(form);

        // 30 MB announced and sent: over the 20 MB limit and over the multipart limit, the CSRF token inside it unread.
        byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[30 * 1024 * 1024];
        System.arraycopy(head, 0, body, 0, head.length);
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/devices/imports/new"))
                .header("Cookie", "SESSION=" + pages.session())
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/devices/imports/new?tooLarge"));
        HttpResponse<String> shown = pages.get("/devices/imports/new?tooLarge");
        assertThat(shown.statusCode()).isEqualTo(413);
        assertThat(shown.body()).contains("import-file-error").contains("20 MB");
    }
}
