package io.waymark.recorder;

import java.nio.file.Path;
import java.time.Duration;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.HeadlessChromium;
import io.waymark.support.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end, as with the OwnTracks Frontend pointed at Waymark: a real (headless) Chromium
 * loads a page that reads {@code /api/0/version} and {@code /api/0/last} and listens on
 * {@code /ws/last} the way the Frontend does (src/test/resources/static/recorder-frontend.html),
 * and a pin moves while a phone publishes, without a reload.
 */
class RecorderFrontendBrowserTest extends EmbeddedWaymarkTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path temp;

    private static WebDriver browser;

    @Autowired
    private LastLocationSocket socket;

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
    void pinMovesLiveWhenANewLocationIsPublished() {
        long now = Phone.now();
        try (Phone phone = phone("frontend", "phone")) {
            phone.publish("{\"_type\":\"card\",\"name\":\"Frieda\",\"tid\":\"fp\"}");
            phone.publishLocation(48.2000, 16.3700, now - 10);
            await().atMost(WAIT).until(() -> !api().get("/api/0/last?user=frontend").isEmpty());

            logIn();
            browser.get("http://localhost:" + port + "/recorder-frontend.html");
            await().atMost(WAIT).until(() -> "live".equals(
                    browser.findElement(By.id("status")).getDomAttribute("data-state")));
            assertThat(browser.findElement(By.id("status")).getDomAttribute("data-version")).isNotBlank();
            js("window.notReloaded = true");
            WebElement pin = await().atMost(WAIT).until(() -> pin("owntracks/frontend/phone"), p -> p != null);
            assertThat(pin.getDomAttribute("data-name")).isEqualTo("Frieda");
            assertThat(pin.getDomAttribute("data-username")).isEqualTo("frontend");
            await().atMost(WAIT).until(() -> socket.openSockets() >= 1);
            Rectangle before = pin.getRect();
            // the page re-reads only when a frame comes (no polling): a move after this is a push
            int framesBefore = ((Number) js("return window.wsFrames ?? 0")).intValue();

            phone.publishLocation(48.2030, 16.3760, now);

            // the page may redraw the pin between finding it and reading it
            await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() -> {
                WebElement moved = pin("owntracks/frontend/phone");
                assertThat(moved.getDomAttribute("data-lat")).isEqualTo("48.203");
                Rectangle after = moved.getRect();
                assertThat(after.getX()).isGreaterThan(before.getX() + 20); // east: to the right
                assertThat(after.getY()).isLessThan(before.getY() - 20); // north: up
            });
            assertThat(((Number) js("return window.wsFrames")).intValue()).isGreaterThan(framesBefore);
            assertThat(js("return window.notReloaded")).isEqualTo(true);
        }
        assertThat(HeadlessChromium.consoleProblems(browser)).isEmpty();
    }

    private static WebElement pin(String topic) {
        return browser.findElements(By.cssSelector(".pin[data-topic='" + topic + "']")).stream().findFirst().orElse(null);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The page uses the browser's session, as the Frontend behind Waymark's login would. */
    private void logIn() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        browser.findElement(By.id("login-button")).click();
        await().atMost(WAIT).until(() -> !browser.getCurrentUrl().contains("/login"));
    }
}
