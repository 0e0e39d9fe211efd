package io.waymark.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.HeadlessChromium;
import io.waymark.support.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard of a plain user in mode {@code groups}, in headless Chromium: dbann sees her own
 * and her group's (dbben's) devices, at load and live, and nothing of the stranger dbcat.
 */
@TestPropertySource(properties = "waymark.friends.mode=groups")
class DashboardVisibilityBrowserTest extends EmbeddedWaymarkTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path temp;

    private static WebDriver browser;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start(temp.resolve("chromium-profile"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aUserSeesOnlyItsOwnAndItsFriendsDevices() {
        long tst = Phone.now() - 60;
        api().createUser("dbann");
        api().send("POST", "/api/v1/groups", "{\"name\":\"db-family\",\"members\":[\"dbann\",\"dbben\"]}");
        publish("dbann", "phone", 48.1, 11.5, tst);
        publish("dbben", "phone", 48.2, 11.6, tst);
        publish("dbcat", "phone", 48.3, 11.7, tst);
        await().atMost(WAIT).until(() -> api().get("/api/v1/devices").size() >= 3);

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("dbann");
        browser.findElement(By.id("password")).sendKeys(Api.passwordOf("dbann"));
        browser.findElement(By.id("login-button")).click();
        await().atMost(WAIT).until(() -> !browser.getCurrentUrl().contains("/login")
                && "live".equals(browser.findElement(By.id("status")).getDomAttribute("data-state")));
        await().atMost(WAIT).until(() -> listed().containsAll(List.of("dbann/phone", "dbben/phone")));
        assertThat(listed()).noneMatch(d -> d.startsWith("dbcat/"));

        // live: the stranger's new device comes first; once the friend's is shown, it would be too
        publish("dbcat", "tablet", 48.4, 11.8, tst + 10);
        publish("dbben", "tablet", 48.5, 11.9, tst + 10);
        await().atMost(WAIT).until(() -> listed().contains("dbben/tablet"));
        assertThat(listed()).noneMatch(d -> d.startsWith("dbcat/"));
        assertThat(browser.findElements(By.cssSelector(".device-marker[data-device^='dbcat/']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".device-marker[data-device='dbben/tablet']"))).hasSize(1);
        assertThat(HeadlessChromium.consoleProblems(browser)).isEmpty();
    }

    private void publish(String user, String device, double lat, double lon, long at) {
        try (Phone phone = phone(user, device)) {
            phone.publishLocation(lat, lon, at);
        }
    }

    private static List<String> listed() {
        return browser.findElements(By.cssSelector("#devices li"))
            .stream()
            .map(li -> li.getDomAttribute("data-device"))
            .toList();
    }
}
