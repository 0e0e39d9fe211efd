package io.waymark.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The two databases a migration test runs on: a fresh H2 file and a PostgreSQL schema of its
 * own. The test migrates each (to an older version, writes rows, then to the latest), then checks
 * it over a connection of its own.
 */
public final class MigrationDatabases {

    /** A step that may fail with an {@link SQLException}. */
    public interface SqlStep<T> {
        void accept(T value) throws SQLException;
    }

    private MigrationDatabases() {
    }

    public static void h2(Path dir, SqlStep<FluentConfiguration> migrate, SqlStep<Connection> check) throws SQLException {
        String url = H2Files.url(dir);
        migrate.accept(Flyway.configure().dataSource(url, "sa", ""));
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            check.accept(connection);
        }
    }

    public static void postgres(SqlStep<FluentConfiguration> migrate, SqlStep<Connection> check) throws SQLException {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            migrate.accept(Flyway.configure().dataSource(database.url(), PostgresDatabase.USER, "").schemas(database.schema()));
            try (Connection connection = database.connect()) {
                check.accept(connection);
            }
        }
    }
}
