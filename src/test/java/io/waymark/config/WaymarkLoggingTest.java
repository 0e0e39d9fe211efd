package io.waymark.config;

import java.util.Map;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** HiveMQ's jar carries a logback.xml at its root: neither logback nor Spring Boot may take it. */
@ExtendWith(OutputCaptureExtension.class)
class WaymarkLoggingTest {

    /** Spring Boot's console format: date, level, pid, ---, [application], [thread], logger : message. */
    private static final Pattern SPRING_BOOT_LINE = Pattern.compile(
            "(?m)^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+INFO \\d+ --- \\[waymark\\] \\[.+\\] io\\.waymark\\.broker\\.EmbeddedBroker\\s+: Embedded MQTT broker listening on");

    private final ClassLoader classLoader = getClass().getClassLoader();

    @Test
    void hiveMqsLogbackXmlIsOnTheClassPath() {
        // what the two classes guard against; if HiveMQ drops it, they can go
        assertThat(classLoader.getResource("logback.xml")).asString().contains("hivemq");
    }

    @Test
    void logbackStartsWithAConsoleAtInfoAndNotWithHiveMqsFile() throws Exception {
        LoggerContext context = new LoggerContext();
        new ContextInitializer(context).autoConfig(classLoader);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.iteratorForAppenders()).toIterable().singleElement().isInstanceOf(ConsoleAppender.class);
        // HiveMQ's logback.xml sets these
        assertThat(context.getLogger("migrations").getLevel()).isNull();
        assertThat(context.getLogger("jetbrains.exodus").getLevel()).isNull();
        context.stop();
    }

    @Test
    void waymarkLogsInSpringBootsFormat(CapturedOutput output) {
        try (WaymarkApp waymark = WaymarkApp.start(Map.of(), "test")) {
            assertThat(output.getOut()).containsPattern(SPRING_BOOT_LINE);
        }
    }

    @Test
    void springBootUsesWaymarksLoggingSystem() {
        assertThat(LoggingSystem.get(classLoader)).isInstanceOf(WaymarkLoggingSystem.class);
    }

    @Test
    void logbackXmlIsNotAStandardLocationButTheOthersAre() {
        assertThat(new WaymarkLoggingSystem(classLoader).getStandardConfigLocations())
            .doesNotContain("logback.xml")
            .contains("logback-test.xml", "logback-test.groovy", "logback.groovy");
    }
}
