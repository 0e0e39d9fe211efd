package io.waymark.config;

import ch.qos.logback.classic.BasicConfigurator;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's configuration from the first logger until Spring Boot configures logging: a console
 * at INFO, as Spring Boot's own first configurator sets it. Without it logback would next look for
 * a {@code logback.xml}, find the one at the root of the embedded broker's (HiveMQ's) jar, and
 * load its XML configurator to read it, only for Spring Boot to replace that configuration a
 * moment later: some 300 classes that stay loaded (docs/PERFORMANCE.md, memory).
 * <p>
 * Registered in {@code META-INF/services}; it ranks above Spring Boot's and stops the search.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public class StartupLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        BasicConfigurator console = new BasicConfigurator();
        console.setContext(context);
        console.configure(context);
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
