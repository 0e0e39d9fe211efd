package io.waymark.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;

/** HiveMQ's jar carries a logback.xml at its root: neither logback nor Spring Boot may take it. */
class WaymarkLoggingTest {

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
