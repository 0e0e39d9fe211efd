package io.waymark.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.waymark.WaymarkApplication;
import io.waymark.broker.EmbeddedBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A Waymark application started and stopped by a test, for scenarios that need Waymark to be
 * down for a while (messages published meanwhile) or a configuration of their own.
 */
public final class WaymarkApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private WaymarkApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts Waymark on random HTTP and broker ports with the given properties on top. */
    public static WaymarkApp start(Map<String, Object> properties, String... profiles) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("waymark.broker.port", "0");
        all.put("logging.level.org.springframework.integration", "WARN");
        all.put("waymark.security.admin-password", Api.ADMIN_PASSWORD);
        all.putAll(properties);
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WaymarkApplication.class)
            .profiles(profiles)
            .run(args);
        return new WaymarkApp(context);
    }

    /**
     * Starts Waymark configured only by environment variables, as a container would be
     * ({@code SPRING_DATASOURCE_URL}, {@code WAYMARK_MQTT_URL}, ...), on random ports.
     */
    public static WaymarkApp startWithEnvironment(Map<String, Object> variables) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("WAYMARK_SECURITY_ADMIN_PASSWORD", Api.ADMIN_PASSWORD));
        all.putAll(variables);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("container-environment", all));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WaymarkApplication.class)
            .environment(environment)
            .run("--server.port=0", "--waymark.broker.port=0");
        return new WaymarkApp(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Api api() {
        return new Api(port());
    }

    /** The embedded broker's URL (when it is enabled). */
    public String brokerUrl() {
        return context.getBean(EmbeddedBroker.class).localUrl();
    }

    /** Creates the user {@code user} (when new) and returns its password, for an MQTT login. */
    public String login(String user) {
        api().createUser(user);
        return Api.passwordOf(user);
    }

    /** A phone of {@code user} (created when new) logged in to the embedded broker. */
    public Phone phone(String user, String device) {
        return Phone.connectAs(brokerUrl(), user, login(user), device);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
