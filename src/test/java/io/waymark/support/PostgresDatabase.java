package io.waymark.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A throwaway schema in the machine's PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, trust auth), dropped on close. Missing PostgreSQL fails the test in CI
 * ({@code CI=true}) and skips it elsewhere.
 */
public final class PostgresDatabase implements AutoCloseable {

    public static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public static final String USER = "postgres";

    private final String schema;

    private PostgresDatabase(String schema) {
        this.schema = schema;
    }

    public static PostgresDatabase create() {
        String schema = "waymark_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        catch (SQLException ex) {
            String message = "PostgreSQL is not reachable at " + SERVER_URL + " as " + USER + ": " + ex.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: the PostgreSQL tests must run)");
            }
            abort(message + " - skipping the PostgreSQL tests");
        }
        return new PostgresDatabase(schema);
    }

    public String schema() {
        return schema;
    }

    public String url() {
        return SERVER_URL + "?currentSchema=" + schema;
    }

    /** Properties that point Waymark at this schema. */
    public Map<String, Object> properties() {
        return Map.of("spring.datasource.url", url(), "spring.datasource.username", USER,
                "spring.datasource.password", "", "spring.flyway.schemas", schema);
    }

    /** {@link #properties()} for a Waymark whose broker files go to {@code brokerData}; add to it freely. */
    public Map<String, Object> waymarkProperties(Path brokerData) {
        Map<String, Object> properties = new HashMap<>(properties());
        properties.put("waymark.broker.data-path", brokerData.toString());
        return properties;
    }

    /** Stops the app, then drops the schema; either may be null (a start that failed half-way). */
    public static void close(WaymarkApp app, PostgresDatabase database) throws SQLException {
        try {
            if (app != null) {
                app.close();
            }
        }
        finally {
            if (database != null) {
                database.close();
            }
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
