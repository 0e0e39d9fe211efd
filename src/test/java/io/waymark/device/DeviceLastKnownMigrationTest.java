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
 * Migration V9 on device rows written under V8, on H2 and on PostgreSQL: each device's tid,
 * last-seen and last-known location move to {@code device_last_known} under its id, unchanged;
 * a device with none of them gets an empty row there; the device row keeps its name, presence
 * and transport and loses the moved columns.
 */
class DeviceLastKnownMigrationTest {

    @TempDir
    Path dir;

    @Test
    void h2() throws SQLException {
        MigrationDatabases.h2(dir, DeviceLastKnownMigrationTest::migrate, DeviceLastKnownMigrationTest::assertMigrated);
    }

    @Test
    void postgres() throws SQLException {
        MigrationDatabases.postgres(DeviceLastKnownMigrationTest::migrate, DeviceLastKnownMigrationTest::assertMigrated);
    }

    private static void migrate(FluentConfiguration flyway) throws SQLException {
        Flyway v8 = flyway.target("8").load();
        v8.migrate();
        try (Connection connection = v8.getConfiguration().getDataSource().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO device (user_name, device_name, tid, display_name, presence_state, last_seen,"
                    + " lat, lon, acc, batt, conn, tst, received_at, inregions, transport) VALUES ('jane', 'phone', 'jp',"
                    + " 'Jane', 'online', TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00Z', 52.5, 13.25, 7, 80, 'w',"
                    + " 200, TIMESTAMP WITH TIME ZONE '2026-12-01 09:59:00Z', '[\"home\"]', 'mqtt')");
            sql.execute("INSERT INTO device (user_name, device_name) VALUES ('bob', 'car')");
        }
        flyway.target("latest").load().migrate();
    }

    private static void assertMigrated(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT d.user_name, d.device_name, d.display_name, d.presence_state,"
                    + " d.transport, k.tid, k.last_seen, k.lat, k.lon, k.acc, k.batt, k.conn, k.tst, k.received_at,"
                    + " k.inregions FROM device d JOIN device_last_known k ON k.device_id = d.id"
                    + " ORDER BY d.user_name, d.device_name")) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 15; i++) {
                        Object value = i == 7 || i == 14
                                ? (rs.getObject(i) == null ? null : rs.getObject(i, java.time.OffsetDateTime.class).toInstant())
                                : rs.getObject(i);
                        row.append(i > 1 ? " " : "").append(value);
                    }
                    rows.add(row.toString());
                }
            }
            assertThat(rows).containsExactly(
                    "bob car null null null null null null null null null null null null null",
                    "jane phone Jane online mqtt jp 2026-12-01T10:00:00Z 52.5 13.25 7 80 w 200 2026-12-01T09:59:00Z [\"home\"]");
            List<String> columns = new ArrayList<>();
            var meta = connection.getMetaData();
            String table = meta.storesUpperCaseIdentifiers() ? "DEVICE" : "device";
            try (ResultSet rs = meta.getColumns(null, connection.getSchema(), table, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            assertThat(columns).contains("id", "user_name", "device_name", "display_name", "presence_state", "transport")
                .doesNotContain("tid", "last_seen", "lat", "lon", "tst", "received_at", "inregions");
        }
    }
}
