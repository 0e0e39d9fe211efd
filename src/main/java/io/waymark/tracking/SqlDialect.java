package io.waymark.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * The one statement H2 and PostgreSQL spell differently: insert a row unless its key exists.
 * PostgreSQL's {@code ON CONFLICT DO NOTHING} is safe under concurrent writers (several Waymark
 * instances); H2 gets the standard {@code MERGE ... WHEN NOT MATCHED}.
 */
@Component
public class SqlDialect {

    private final boolean postgres;

    public SqlDialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    public String insertIgnore(String table, List<String> columns, List<String> key) {
        String columnList = String.join(", ", columns);
        String placeholders = String.join(", ", columns.stream().map(c -> "?").toList());
        if (postgres) {
            return "INSERT INTO " + table + " (" + columnList + ") VALUES (" + placeholders + ") ON CONFLICT ("
                    + String.join(", ", key) + ") DO NOTHING";
        }
        String on = String.join(" AND ", key.stream().map(k -> "t." + k + " = s." + k).toList());
        String values = String.join(", ", columns.stream().map(c -> "s." + c).toList());
        return "MERGE INTO " + table + " t USING (VALUES (" + placeholders + ")) s (" + columnList + ") ON " + on
                + " WHEN NOT MATCHED THEN INSERT (" + columnList + ") VALUES (" + values + ")";
    }
}
