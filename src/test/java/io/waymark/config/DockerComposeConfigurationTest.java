package io.waymark.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.PostgresDatabase;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No Docker engine runs here, so the Waymark side of docker-compose.yml is checked by running
 * Waymark locally with the very environment the compose file gives it, with only the host
 * names (and PostgreSQL credentials) swapped for this machine's Mosquitto and PostgreSQL.
 */
class DockerComposeConfigurationTest {

    @Test
    void waymarkRunsWithTheComposeEnvironment() throws Exception {
        Map<String, Object> environment = composeEnvironment();
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
            .containsEntry("WAYMARK_BROKER_ENABLED", "false");
        MosquittoProcess.requireInstalled();
        try (PostgresDatabase database = PostgresDatabase.create();
                MosquittoProcess mosquitto = MosquittoProcess.builder().persistence(true).start()) {
            Map<String, Object> local = new LinkedHashMap<>(environment);
            local.replaceAll((name, value) -> String.valueOf(value)
                .replace("jdbc:postgresql://postgres:5432/waymark", database.url())
                .replace("tcp://mosquitto:1883", mosquitto.url()));
            local.put("SPRING_DATASOURCE_USERNAME", PostgresDatabase.USER);
            local.put("SPRING_DATASOURCE_PASSWORD", "");
            local.put("SPRING_FLYWAY_SCHEMAS", database.schema());
            assertThat(local.values()).noneMatch(v -> String.valueOf(v).contains("mosquitto:")
                    || String.valueOf(v).contains("postgres:5432"));
            try (WaymarkApp waymark = WaymarkApp.startWithEnvironment(local);
                    Phone phone = Phone.connect(mosquitto.url(), "compose", "phone")) {
                long tst = Phone.now();
                phone.publishLocation(48.85, 2.35, tst);
                await().atMost(Duration.ofSeconds(20)).until(() -> waymark.api().device("compose", "phone") != null
                        && !waymark.api().device("compose", "phone").get("location").isNull());
                assertThat(waymark.api().device("compose", "phone").get("location").get("tst").asLong()).isEqualTo(tst);
                try (var connection = database.connect(); var statement = connection.createStatement();
                        var rs = statement.executeQuery("SELECT COUNT(*) FROM location WHERE user_name = 'compose'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeEnvironment() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            Map<String, Object> services = (Map<String, Object>) compose.get("services");
            Map<String, Object> waymark = (Map<String, Object>) services.get("waymark");
            return new LinkedHashMap<>((Map<String, Object>) waymark.get("environment"));
        }
    }
}
