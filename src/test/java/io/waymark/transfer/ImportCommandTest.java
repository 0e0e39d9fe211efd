package io.waymark.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.waymark.support.H2Files;
import io.waymark.support.WaymarkJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar waymark.jar import ...} as its own process against an H2 file, then the file
 * opened to see what it holds. The embedded broker's default port (1883) is taken on the build
 * machines, so a command that started the broker would fail.
 */
class ImportCommandTest {

    static final long BASE = 1_790_000_000L;

    @TempDir
    Path dir;

    @Test
    void importsFilesForOneDeviceAndSummarizes() throws Exception {
        Path rec = Files.writeString(dir.resolve("2026-09.rec"), ImportFiles.rec(BASE));
        Path gpx = Files.writeString(dir.resolve("walk.gpx"), ImportFiles.gpx(BASE + 3600));
        Path log = dir.resolve("import.log");
        int status = WaymarkJvm.run(arguments("--user", "jane", "--device", "phone", rec.toString(), gpx.toString()),
                log, Duration.ofMinutes(3));
        String output = Files.readString(log);
        assertThat(status).as(output).isZero();
        assertThat(output).contains("Imported 7, duplicates 0, rejected 3, skipped 1 from 2 files")
            .contains(rec + ":5: expected three tab-separated fields")
            .contains(gpx + ":9: trkpt without <time>")
            .doesNotContain("Tomcat started");
        assertThat(count("SELECT COUNT(*) FROM location WHERE user_name = 'jane' AND device_name = 'phone'")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM region_transition WHERE user_name = 'jane'")).isEqualTo(1);
        assertThat(count("SELECT MAX(tst) FROM location WHERE user_name = 'jane'")).isEqualTo(BASE + 3600 + 60);
        // history is no sign of life
        assertThat(count("SELECT COUNT(*) FROM device d JOIN device_last_known k ON k.device_id = d.id"
                + " WHERE d.user_name = 'jane' AND k.last_seen IS NULL")).isEqualTo(1);

        int again = WaymarkJvm.run(arguments("--user", "jane", "--device", "phone", rec.toString(), gpx.toString()),
                log, Duration.ofMinutes(3));
        assertThat(again).isZero();
        assertThat(Files.readString(log)).contains("Imported 0, duplicates 7, rejected 3, skipped 1 from 2 files");
        assertThat(count("SELECT COUNT(*) FROM location WHERE user_name = 'jane'")).isEqualTo(6);
    }

    @Test
    void importsAWholeRecorderStore() throws Exception {
        Path store = dir.resolve("store");
        Path jane = Files.createDirectories(store.resolve("rec/jane/phone"));
        Path bob = Files.createDirectories(store.resolve("rec/bob/car"));
        Files.writeString(jane.resolve("2026-09.rec"), ImportFiles.rec(BASE));
        Files.writeString(jane.resolve("2026-10.rec"), ImportFiles.recLine(BASE + 86400, "*",
                ImportFiles.location(52.6, 13.5, BASE + 86400)));
        Files.writeString(bob.resolve("2026-10.rec"), ImportFiles.recLine(BASE + 5, "*",
                ImportFiles.location(40.4, -3.7, BASE + 5)));
        Files.writeString(bob.resolve("notes.txt"), "not a rec file");
        Path log = dir.resolve("store.log");
        int status = WaymarkJvm.run(arguments("--recorder-store", store.toString()), log, Duration.ofMinutes(3));
        String output = Files.readString(log);
        assertThat(status).as(output).isZero();
        assertThat(output).contains("Imported 6, duplicates 0, rejected 2, skipped 1 from 3 files");
        assertThat(count("SELECT COUNT(*) FROM location WHERE user_name = 'jane' AND device_name = 'phone'")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM location WHERE user_name = 'bob' AND device_name = 'car'")).isEqualTo(1);
    }

    @Test
    void badUsageSaysHowAndExitsWith2() throws Exception {
        Path log = dir.resolve("usage.log");
        int status = WaymarkJvm.run(List.of("import", "--user", "jane", "missing.rec"), log, Duration.ofMinutes(1));
        assertThat(status).isEqualTo(2);
        assertThat(Files.readString(log)).contains("give --user, --device and at least one file").contains("usage:");
    }

    private List<String> arguments(String... args) {
        List<String> all = new ArrayList<>(List.of("import"));
        all.addAll(List.of(args));
        all.add("--spring.datasource.url=" + H2Files.url(dir));
        return all;
    }

    private long count(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(H2Files.url(dir), "sa", "");
                Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
