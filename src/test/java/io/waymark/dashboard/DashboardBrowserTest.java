package io.waymark.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.waymark.broker.EmbeddedBroker;
import io.waymark.support.Api;
import io.waymark.support.HeadlessChromium;
import io.waymark.support.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real (headless) Chromium, fed by phones publishing to the embedded broker:
 * what a person would see. Skipped without Debian's chromium and chromium-driver, except on CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.broker.port=0",
        "spring.datasource.url=jdbc:h2:mem:dash;DB_CLOSE_DELAY=-1",
        "waymark.dashboard.heartbeat=2s",
        "waymark.dashboard.reconnect-delay=1s", "waymark.security.admin-password=" + Api.ADMIN_PASSWORD })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path temp;

    private static WebDriver browser;

    @Autowired
    private EmbeddedBroker broker;

    @Autowired
    private DashboardStream stream;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void brokerDataPath(DynamicPropertyRegistry registry) {
        registry.add("waymark.broker.data-path", () -> temp.resolve("broker").toString());
    }

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

    @BeforeEach
    void openDashboard() {
        browser.manage().window().setSize(new Dimension(1400, 900));
        browser.get("http://localhost:" + port + "/");
        if (browser.getCurrentUrl().endsWith("/login")) { // the first time: the login page
            logIn("admin", Api.ADMIN_PASSWORD);
        }
        await().atMost(WAIT).until(() -> "live".equals(
                browser.findElement(By.id("status")).getDomAttribute("data-state")));
        // set on this page only: still there later means the page was never reloaded
        js("window.notReloaded = true");
    }

    /** Failed tile requests are expected offline; anything else in the console is a bug. */
    @AfterEach
    void pageLoggedNoErrors() {
        assertThat(HeadlessChromium.consoleProblems(browser)).isEmpty();
    }

    @Test
    @Order(1)
    void showsSeveralDevicesWithTheirStateAndFiltersThem() throws IOException {
        Phone alice = phone("alice", "pixel");
        Phone bob = phone("bob", "iphone");
        Phone carol = phone("carol", "phone");
        alice.publish("{\"_type\":\"card\",\"name\":\"Alice\",\"tid\":\"AL\"}");
        bob.publish("{\"_type\":\"card\",\"name\":\"Bob\",\"tid\":\"BO\"}");
        carol.publish("{\"_type\":\"card\",\"name\":\"Carol\",\"tid\":\"CA\"}");
        long now = Phone.now();
        for (int i = 0; i < 12; i++) {
            alice.publish(location(52.5200 + i * 0.0012, 13.4050 + i * 0.0020, now - 3300 + i * 300, 20,
                    90 - i, 1, 28, "m", "AL", List.of()));
        }
        bob.publish(location(52.5250, 13.4180, now - 60, 12, 64, 2, 0, "w", "BO", List.of("Office")));
        carol.publish(location(52.5290, 13.4100, now - 900, 35, 23, 1, 0, "m", "CA", List.of()));
        carol.disconnect();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(item("alice/pixel").getText()).contains("Alice", "online", "batt 79%", "mobile", "28 km/h");
            assertThat(item("bob/iphone").getText()).contains("Bob", "batt 64% (charging)", "Wi-Fi", "±12 m",
                    "in Office");
            assertThat(item("carol/phone").getText()).contains("Carol", "offline", "last seen");
            assertThat(label("bob/iphone")).isEqualTo("BO");
        });
        assertThat(markerClasses("carol/phone")).contains("offline");
        assertThat(markerClasses("bob/iphone")).contains("online");

        item("alice/pixel").findElement(By.cssSelector(".history-button")).click();
        await().atMost(WAIT).until(() -> historyPoints() == 12);
        await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("#battery-chart canvas")).isEmpty());
        saveScreenshot(Path.of("target", "dashboard.png"));

        type("carol");
        await().atMost(WAIT).until(() -> listedDevices().equals(List.of("carol/phone")));
        type("");
        browser.findElement(By.id("online-only")).click();
        await().atMost(WAIT).untilAsserted(() -> assertThat(listedDevices()).contains("alice/pixel", "bob/iphone")
            .doesNotContain("carol/phone"));
        browser.findElement(By.id("online-only")).click();
        List.of(alice, bob).forEach(Phone::close);
    }

    @Test
    @Order(2)
    void deviceAppearsInTheListWhenItFirstReports() {
        assertThat(browser.findElements(By.cssSelector("li[data-device='ann/phone']"))).isEmpty();
        try (Phone ann = phone("ann", "phone")) {
            ann.publish(location(48.2082, 16.3738, Phone.now(), 25, 55, 1, 12, "w", "AN", List.of("Home")));
            await().atMost(WAIT).untilAsserted(() -> assertThat(item("ann/phone").getText())
                .contains("ann/phone", "online", "batt 55%", "12 km/h", "in Home"));
            assertThat(label("ann/phone")).isEqualTo("AN");
            assertThat(js("return window.notReloaded")).isEqualTo(true);
        }
    }

    @Test
    @Order(3)
    void markerMovesWhenANewLocationArrives() {
        try (Phone ben = phone("ben", "phone")) {
            ben.publish(location(48.2000, 16.3700, Phone.now() - 10, 10, 80, 1, 0, "w", "BN", List.of()));
            await().atMost(WAIT).until(() -> !browser.findElements(markerBy("ben/phone")).isEmpty());

            item("ben/phone").click(); // centres the map on it
            await().atMost(WAIT).untilAsserted(() -> assertThat(distanceFromMapCentre(marker("ben/phone"))).isLessThan(3));
            Rectangle before = marker("ben/phone").getRect();

            ben.publish(location(48.2020, 16.3740, Phone.now(), 10, 79, 1, 15, "w", "BN", List.of()));
            await().atMost(WAIT).untilAsserted(() -> {
                Rectangle after = marker("ben/phone").getRect();
                assertThat(after.getX()).isGreaterThan(before.getX() + 20); // east: to the right
                assertThat(after.getY()).isLessThan(before.getY() - 20); // north: up
                assertThat(marker("ben/phone").getDomAttribute("data-lat")).isEqualTo("48.202");
                assertThat(item("ben/phone").getText()).contains("15 km/h");
            });
            assertThat(js("return window.notReloaded")).isEqualTo(true);
        }
    }

    @Test
    @Order(4)
    void deviceTurnsOfflineWhenItsWillIsPublished() {
        Phone cid = phone("cid", "phone");
        cid.publish(location(48.21, 16.38, Phone.now(), 10, 50, 1, 0, "m", "CI", List.of()));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(item("cid/phone").getDomAttribute("class")).contains("online");
            assertThat(markerClasses("cid/phone")).contains("online");
        });

        cid.dropConnection(); // the socket dies without DISCONNECT: the broker publishes the will

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(item("cid/phone").getDomAttribute("class")).contains("offline");
            assertThat(item("cid/phone").findElement(By.cssSelector(".presence-state")).getText()).isEqualTo("offline");
            assertThat(markerClasses("cid/phone")).contains("offline").doesNotContain("online");
        });
        assertThat(js("return window.notReloaded")).isEqualTo(true);
    }

    @Test
    @Order(5)
    void historyDrawsTheTrackOfTheChosenRange() {
        long now = Phone.now();
        try (Phone dan = phone("dan", "phone")) {
            dan.publish(location(48.100, 16.300, now - 3 * 3600, 10, 90, 1, 0, "w", "DA", List.of()));
            dan.publish(location(48.105, 16.305, now - 150 * 60, 10, 88, 1, 0, "w", "DA", List.of()));
            for (int i = 0; i < 6; i++) {
                dan.publish(location(48.110 + i * 0.002, 16.310 + i * 0.003, now - 3000 + i * 480, 10, 80 - i, 1,
                        20 + i, "m", "DA", List.of()));
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(item("dan/phone").getText()).contains("25 km/h"));

            item("dan/phone").findElement(By.cssSelector(".history-button")).click(); // last hour by default
            await().atMost(WAIT).until(() -> historyPoints() == 6);
            assertThat(summary()).startsWith("6 points");
            assertThat(browser.findElements(By.cssSelector("path.history-track"))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("path.history-start"))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("path.history-end"))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("#speed-chart canvas"))).isNotEmpty();

            browser.findElements(By.cssSelector("path.history-point")).get(2).click();
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    browser.findElement(By.cssSelector(".leaflet-popup-content")).getText()).contains("22 km/h", "mobile"));

            browser.findElement(By.cssSelector("[data-preset='day']")).click();
            await().atMost(WAIT).until(() -> historyPoints() == 8);
            assertThat(summary()).startsWith("8 points");

            browser.findElement(By.cssSelector("[data-preset='custom']")).click();
            js("""
                    const local = (ms) => new Date(ms - new Date(ms).getTimezoneOffset() * 60000).toISOString().slice(0, 16);
                    document.getElementById('range-from').value = local(arguments[0]);
                    document.getElementById('range-to').value = local(arguments[1]);
                    """, (now - 4 * 3600) * 1000, (now - 2 * 3600) * 1000);
            browser.findElement(By.cssSelector("#custom-range button[type='submit']")).click();
            await().atMost(WAIT).until(() -> historyPoints() == 2);
            assertThat(summary()).startsWith("2 points");
        }
    }

    @Test
    @Order(6)
    void reconnectsAfterTheStreamDropsAndCatchesUp() {
        stream.closeAll(); // as when the server restarts: every open stream ends
        try (Phone eve = phone("eve", "phone")) {
            eve.publish(location(48.22, 16.39, Phone.now() - 5, 10, 70, 1, 0, "w", "EV", List.of()));
            // whether it came over the new stream or with the state re-read on reconnect, it shows
            await().atMost(WAIT).until(() -> !browser.findElements(markerBy("eve/phone")).isEmpty());
            await().atMost(WAIT).until(() -> "live".equals(
                    browser.findElement(By.id("status")).getDomAttribute("data-state")) && stream.openStreams() == 1);
            eve.publish(location(48.23, 16.40, Phone.now(), 10, 70, 1, 0, "w", "EV", List.of()));
            await().atMost(WAIT).until(() -> "48.23".equals(marker("eve/phone").getDomAttribute("data-lat")));
            assertThat(js("return window.notReloaded")).isEqualTo(true);
        }
    }

    @Test
    @Order(7)
    void logoutLeadsToTheLoginPageWhichRefusesAWrongPassword() {
        browser.findElement(By.cssSelector("#logout button")).click();
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/login?logout"));
        assertThat(browser.findElement(By.id("login-message")).getText()).isEqualTo("You are logged out.");
        browser.get("http://localhost:" + port + "/");
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/login")); // the session is gone

        logIn("admin", "not-the-password");
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/login?error"));
        assertThat(browser.findElement(By.id("login-message")).getText()).isEqualTo("Wrong user name or password.");

        logIn("admin", Api.ADMIN_PASSWORD);
        await().atMost(WAIT).until(() -> "live".equals(browser.findElement(By.id("status")).getDomAttribute("data-state")));
        assertThat(browser.manage().getCookieNamed("JSESSIONID")).isNotNull();
    }

    private static void logIn(String user, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    private Phone phone(String user, String device) {
        new Api(port).createUser(user);
        return Phone.connectAs(broker.localUrl(), user, Api.passwordOf(user), device);
    }

    private static String location(double lat, double lon, long tst, int acc, int batt, int bs, int vel, String conn,
            String tid, List<String> regions) {
        String inregions = regions.isEmpty() ? ""
                : ",\"inregions\":[" + String.join(",", regions.stream().map(r -> "\"" + r + "\"").toList()) + "]";
        return "{\"_type\":\"location\",\"lat\":" + lat + ",\"lon\":" + lon + ",\"tst\":" + tst + ",\"acc\":" + acc
                + ",\"batt\":" + batt + ",\"bs\":" + bs + ",\"vel\":" + vel + ",\"conn\":\"" + conn + "\",\"tid\":\""
                + tid + "\"" + inregions + "}";
    }

    private static WebElement item(String key) {
        return browser.findElement(By.cssSelector("#devices li[data-device='" + key + "']"));
    }

    private static By markerBy(String key) {
        return By.cssSelector(".device-marker[data-device='" + key + "']");
    }

    private static WebElement marker(String key) {
        return browser.findElement(markerBy(key));
    }

    /** The marker's tid label (it may lie outside the visible part of the map). */
    private static String label(String key) {
        return marker(key).findElement(By.cssSelector(".label")).getDomProperty("textContent");
    }

    private static String markerClasses(String key) {
        return marker(key).getDomAttribute("class");
    }

    private static List<String> listedDevices() {
        return browser.findElements(By.cssSelector("#devices li")).stream()
            .map(li -> li.getDomAttribute("data-device"))
            .toList();
    }

    private static int historyPoints() {
        return browser.findElements(By.cssSelector("path.history-point")).size();
    }

    private static String summary() {
        return browser.findElement(By.id("history-summary")).getText();
    }

    private static void type(String filter) {
        WebElement box = browser.findElement(By.id("filter"));
        box.clear();
        box.sendKeys(filter);
        js("document.getElementById('filter').dispatchEvent(new Event('input'))");
    }

    private static double distanceFromMapCentre(WebElement element) {
        Rectangle map = browser.findElement(By.id("map")).getRect();
        Rectangle r = element.getRect();
        double dx = (r.getX() + r.getWidth() / 2.0) - (map.getX() + map.getWidth() / 2.0);
        double dy = (r.getY() + r.getHeight() / 2.0) - (map.getY() + map.getHeight() / 2.0);
        return Math.hypot(dx, dy);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void saveScreenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }
}
