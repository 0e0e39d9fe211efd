import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * Isolates the H2 side of Waymark's ingestion: 100,000 location rows for 100 devices, written
 * with the plain INSERT batch Waymark uses, in transactions of 100 rows (the embedded broker's
 * batches) and 500 (the Mosquitto path's), H2 file database with WRITE_DELAY=0, on one thread.
 * Compares the location table's keys: the composite natural key of migrations V1-V6, which H2
 * keeps as a unique index beside its row map, and V7's one BIGINT (device row id * 2^34 + tst),
 * which is the row map's own key. Prints time and heap allocated per row (the thread's own).
 *
 * Run (from the repository root; with H2_OPTIONS set, as in bench/run.sh, to the options of
 * application.properties' spring.datasource.url, for Waymark's defaults):
 *   java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar bench/h2/H2InsertBench.java
 */
public class H2InsertBench {

    static final String COLUMNS = """
            user_name VARCHAR(128) NOT NULL, device_name VARCHAR(128) NOT NULL, tst BIGINT NOT NULL,
            lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL, acc INTEGER, alt INTEGER, vac INTEGER,
            vel INTEGER, cog INTEGER, batt INTEGER, bs INTEGER, tid VARCHAR(64), trigger_type VARCHAR(16),
            conn VARCHAR(16), inregions VARCHAR(4000), ssid VARCHAR(255), bssid VARCHAR(64), created_at BIGINT,
            received_at TIMESTAMP WITH TIME ZONE NOT NULL, topic VARCHAR(512) NOT NULL,
            raw_json VARCHAR(1000000) NOT NULL""";

    static final String[] TABLES = {
        "CREATE TABLE location (" + COLUMNS + ", PRIMARY KEY (user_name, device_name, tst))",
        "CREATE TABLE location (id BIGINT NOT NULL PRIMARY KEY, " + COLUMNS + ")",
    };

    static final String[] NAMES = { "V6: (user_name, device_name, tst)", "V7: id BIGINT" };

    static final String INSERT_COLUMNS = "user_name, device_name, tst, lat, lon, acc, alt, vac, vel, cog, batt, bs, tid,"
            + " trigger_type, conn, inregions, ssid, bssid, created_at, received_at, topic, raw_json";

    /** The JDBC URL's options, as bench/run.sh's H2_OPTIONS; the default is what this bench was first run with. */
    static final String OPTIONS = System.getenv().getOrDefault("H2_OPTIONS", ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=2048");

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) { // the first round warms the JIT up
            for (int batch : new int[] { 100, 500 }) {
                for (int v = 0; v < TABLES.length; v++) {
                    boolean keyed = v == 1;
                    Path dir = Files.createTempDirectory("h2bench");
                    String url = "jdbc:h2:file:" + dir + "/db" + OPTIONS;
                    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                        try (Statement s = c.createStatement()) {
                            s.execute(TABLES[v]);
                        }
                        c.setAutoCommit(false);
                        String sql = "INSERT INTO location (" + (keyed ? "id, " : "") + INSERT_COLUMNS + ") VALUES ("
                                + "?, ".repeat(keyed ? 22 : 21) + "?)";
                        long base = Instant.now().getEpochSecond() - rows;
                        long allocated = threads.getCurrentThreadAllocatedBytes();
                        long t0 = System.nanoTime();
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            for (int i = 0; i < rows; i++) {
                                int d = i % 100;
                                long tst = base + i / 100;
                                int p = 1;
                                if (keyed) {
                                    ps.setLong(p++, (d + 1L) * (1L << 34) + tst);
                                }
                                ps.setString(p++, "bench");
                                ps.setString(p++, "phone" + d);
                                ps.setLong(p++, tst);
                                ps.setDouble(p++, 48 + d * 0.01);
                                ps.setDouble(p++, 11 + i * 1e-6);
                                ps.setInt(p++, 5);
                                ps.setInt(p++, 500);
                                ps.setInt(p++, 3);
                                ps.setInt(p++, 0);
                                ps.setNull(p++, java.sql.Types.INTEGER);
                                ps.setInt(p++, 90);
                                ps.setInt(p++, 1);
                                ps.setString(p++, "p" + d);
                                ps.setString(p++, "u");
                                ps.setString(p++, "w");
                                ps.setNull(p++, java.sql.Types.VARCHAR);
                                ps.setNull(p++, java.sql.Types.VARCHAR);
                                ps.setNull(p++, java.sql.Types.VARCHAR);
                                ps.setLong(p++, tst);
                                ps.setTimestamp(p++, Timestamp.from(Instant.now()));
                                ps.setString(p++, "owntracks/bench/phone" + d);
                                ps.setString(p, "{\"_type\":\"location\",\"lat\":48.000000,\"lon\":11.000000,\"tst\":" + tst
                                        + ",\"acc\":5,\"alt\":500,\"vac\":3,\"vel\":0,\"batt\":100,\"bs\":1,\"tid\":\"p0\","
                                        + "\"conn\":\"w\",\"t\":\"u\",\"m\":1,\"created_at\":" + tst + "}");
                                ps.addBatch();
                                if ((i + 1) % batch == 0) {
                                    ps.executeBatch();
                                    c.commit();
                                }
                            }
                        }
                        double s = (System.nanoTime() - t0) / 1e9;
                        long bytes = threads.getCurrentThreadAllocatedBytes() - allocated;
                        if (round > 0) {
                            System.out.printf(Locale.ROOT, "round %d, commits of %3d, %-34s %5.2f µs and %4.1f KB per row%n",
                                    round, batch, NAMES[v], s * 1e6 / rows, bytes / 1024.0 / rows);
                        }
                    }
                    try (var files = Files.walk(dir)) {
                        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }
    }
}
