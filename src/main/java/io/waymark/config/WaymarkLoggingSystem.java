package io.waymark.config;

import java.util.Arrays;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's logback logging, except that a {@code logback.xml} on the class path is not taken
 * as the application's configuration: the embedded broker's (HiveMQ's) jar carries one at its
 * root, which would otherwise replace Spring Boot's defaults. So Waymark logs in Spring Boot's
 * default format, set up in code rather than by logback's XML configurator, whose classes then
 * never load (docs/PERFORMANCE.md, memory). {@code logging.config}, {@code logback-spring.xml}
 * and {@code logback-test.xml} work as in any Spring Boot application.
 */
public class WaymarkLoggingSystem extends LogbackLoggingSystem {

    private static final String HIVEMQ_CONFIG = "logback.xml";

    public WaymarkLoggingSystem(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    protected String[] getStandardConfigLocations() {
        return Arrays.stream(super.getStandardConfigLocations())
            .filter(location -> !HIVEMQ_CONFIG.equals(location))
            .toArray(String[]::new);
    }

    /** Chosen before Spring Boot's logback factory (META-INF/spring.factories). */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class Factory implements LoggingSystemFactory {

        private static final boolean LOGBACK = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
                Factory.class.getClassLoader());

        @Override
        public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
            return LOGBACK ? new WaymarkLoggingSystem(classLoader) : null;
        }
    }
}
