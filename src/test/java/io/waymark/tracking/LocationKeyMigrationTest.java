package io.waymark.tracking;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.waymark.owntracks.Location;
import io.waymark.support.MigrationDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V7 on a history written under V6 (keyed by user, device and tst), on H2 and on
 * PostgreSQL: every row keeps its values and gets the key of its device row, a history without
 * a device row gets one, and a tst no key can hold is kept as a rejected message.
 */
class LocationKeyMigrationTest {

    private static final long FAR = Location.TST_LIMIT + 5; // a tst sent in milliseconds, say

    @TempDir
    Path dir;

    @Test
    void h2() throws SQLException {
        MigrationDatabases.h2(dir, LocationKeyMigrationTest::migrate, LocationKeyMigrationTest::assertMigrated);
    }

    @Test
    void postgres() throws SQLException {
        MigrationDatabases.postgres(LocationKeyMigrationTest::migrate, LocationKeyMigrationTest::assertMigrated);
    }

    private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway) throws SQLException {
        Flyway v6 = flyway.target("6").load();
        v6.migrate();
        try (Connection connection = v6.getConfiguration().getDataSource().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO device (user_name, device_name, tst) VALUES ('jane', 'phone', 200), ('bob', 'car', NULL)");
            for (String row : List.of("'jane', 'phone', 100", "'jane', 'phone', 200", "'jane', 'watch', 150",
                    "'jane', 'phone', " + FAR)) {
                sql.execute("INSERT INTO location (user_name, device_name, tst, lat, lon, acc, received_at, topic, raw_json)"
                        + " VALUES (" + row + ", 52.5, 13.4, 7, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00',"
                        + " 'owntracks/jane/x', '{\"_type\":\"location\"}')");
            }
        }
        flyway.target("latest").load().migrate();
    }

    private static void assertMigrated(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            // the watch had history but no row: it has one now; every device row has an id
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT l.id - d.id * " + Location.TST_LIMIT + ", l.user_name,"
                    + " l.device_name, l.tst, l.acc, l.raw_json FROM location l JOIN device d"
                    + " ON d.user_name = l.user_name AND d.device_name = l.device_name ORDER BY l.id")) {
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(rs.getLong(4)); // the key is the device's id and the tst
                    assertThat(rs.getInt(5)).isEqualTo(7);
                    assertThat(rs.getString(6)).isEqualTo("{\"_type\":\"location\"}");
                    keys.add(rs.getString(2) + "/" + rs.getString(3) + "@" + rs.getLong(4));
                }
            }
            assertThat(keys).containsExactlyInAnyOrder("jane/phone@100", "jane/phone@200", "jane/watch@150");
            try (ResultSet rs = sql.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM device WHERE id IS NOT NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getInt(2)).isEqualTo(3);
            }
            try (ResultSet rs = sql.executeQuery("SELECT topic, payload, reason, detail FROM rejected_message")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("owntracks/jane/x");
                assertThat(rs.getString(2)).isEqualTo("{\"_type\":\"location\"}");
                assertThat(rs.getString(3)).isEqualTo("out-of-range");
                assertThat(rs.getString(4)).contains("tst " + FAR);
                assertThat(rs.next()).isFalse();
            }
            // a device row made after the migration gets its id from the identity column
            sql.execute("INSERT INTO device (user_name, device_name) VALUES ('new', 'one')");
            try (ResultSet rs = sql.executeQuery("SELECT id FROM device WHERE user_name = 'new'")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(0);
            }
        }
    }
}
