package io.waymark.device;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.waymark.support.MigrationDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V8 on device rows written under V7, on H2 and on PostgreSQL: each device's face,
 * status and configuration dump move to {@code device_report} unchanged, a device without any
 * gets no report row, the device row keeps the rest and loses those columns and the sweep's index.
 */
class DeviceReportMigrationTest {

    private static final String FACE = "iVBORw0KGgo" + "A".repeat(30_000);

    @TempDir
    Path dir;

    @Test
    void h2() throws SQLException {
        MigrationDatabases.h2(dir, DeviceReportMigrationTest::migrate, DeviceReportMigrationTest::assertMigrated);
    }

    @Test
    void postgres() throws SQLException {
        MigrationDatabases.postgres(DeviceReportMigrationTest::migrate, DeviceReportMigrationTest::assertMigrated);
    }

    private static void migrate(FluentConfiguration flyway) throws SQLException {
        Flyway v7 = flyway.target("7").load();
        v7.migrate();
        try (Connection connection = v7.getConfiguration().getDataSource().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO device (user_name, device_name, display_name, tst, lat, face, status_json)"
                    + " VALUES ('jane', 'phone', 'Jane', 200, 52.5, '" + FACE + "', '{\"_type\":\"status\"}')");
            sql.execute("INSERT INTO device (user_name, device_name, configuration_json)"
                    + " VALUES ('jane', 'watch', '{\"_type\":\"configuration\"}')");
            sql.execute("INSERT INTO device (user_name, device_name, tst) VALUES ('bob', 'car', 100)");
        }
        flyway.target("8").load().migrate(); // V9 moves the last-known columns on (DeviceLastKnownMigrationTest)
    }

    private static void assertMigrated(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            List<String> reports = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT user_name, device_name, face, status_json, configuration_json"
                    + " FROM device_report ORDER BY user_name, device_name")) {
                while (rs.next()) {
                    reports.add(rs.getString(1) + "/" + rs.getString(2) + " " + (FACE.equals(rs.getString(3)) ? "face"
                            : rs.getString(3)) + " " + rs.getString(4) + " " + rs.getString(5));
                }
            }
            assertThat(reports).containsExactly("jane/phone face {\"_type\":\"status\"} null",
                    "jane/watch null null {\"_type\":\"configuration\"}");
            try (ResultSet rs = sql.executeQuery("SELECT user_name, device_name, display_name, tst, lat FROM device"
                    + " ORDER BY user_name, device_name")) {
                List<String> devices = new ArrayList<>();
                while (rs.next()) {
                    devices.add(rs.getString(1) + "/" + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4)
                            + " " + rs.getObject(5));
                }
                assertThat(devices).containsExactly("bob/car null 100 null", "jane/phone Jane 200 52.5",
                        "jane/watch null 0 null");
            }
            List<String> columns = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            var meta = connection.getMetaData();
            String schema = connection.getSchema();
            String table = meta.storesUpperCaseIdentifiers() ? "DEVICE" : "device";
            try (ResultSet rs = meta.getColumns(null, schema, table, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name != null) {
                        indexes.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
            assertThat(columns).contains("user_name", "device_name", "last_seen", "tst", "transport")
                .doesNotContain("face", "status_json", "configuration_json");
            assertThat(indexes).isNotEmpty().doesNotContain("ix_device_presence_last_seen");
        }
    }
}
