package io.waymark.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * The one statement H2 and PostgreSQL spell differently: insert a row unless its key exists.
 * PostgreSQL's {@code ON CONFLICT DO NOTHING} is safe under concurrent writers (several Waymark
 * instances); H2 gets the standard {@code MERGE ... WHEN NOT MATCHED}, with every parameter
 * cast to its column's type: untyped parameters in {@code VALUES} make H2 compare keys as
 * DECFLOAT, which made the statement three times slower. Character columns are cast without
 * their length, so that a value too long for the column fails as it would without the cast.
 * Parameters are named after their columns ({@code :lat}), for a
 * {@link org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate} and a {@link SqlColumns} table,
 * or bound positionally through {@link SqlColumns#statement}.
 */
@Component
public class SqlDialect {

    private final DataSource dataSource;

    private final boolean postgres;

    public SqlDialect(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
    }

    /** Whether the database is PostgreSQL (several instances may share it) rather than H2. */
    public boolean isPostgres() {
        return postgres;
    }

    public String insertIgnore(String table, List<String> columns, List<String> key) {
        String columnList = String.join(", ", columns);
        if (postgres) {
            String placeholders = String.join(", ", columns.stream().map(c -> ":" + c).toList());
            return "INSERT INTO " + table + " (" + columnList + ") VALUES (" + placeholders + ") ON CONFLICT ("
                    + String.join(", ", key) + ") DO NOTHING";
        }
        Map<String, String> types = columnTypes(table);
        String placeholders = String.join(", ", columns.stream().map(c -> "CAST(:" + c + " AS " + types.get(c) + ")").toList());
        String on = String.join(" AND ", key.stream().map(k -> "t." + k + " = s." + k).toList());
        String values = String.join(", ", columns.stream().map(c -> "s." + c).toList());
        return "MERGE INTO " + table + " t USING (VALUES (" + placeholders + ")) s (" + columnList + ") ON " + on
                + " WHEN NOT MATCHED THEN INSERT (" + columnList + ") VALUES (" + values + ")";
    }

    /**
     * The same as {@link #insertIgnore} for a batch of rows of a {@link SqlColumns} table (every
     * column of it), cheaper on H2 when no key exists yet, bound positionally.
     */
    public <T> InsertIgnore<T> insertIgnoreBatch(String table, SqlColumns<T> rows, List<String> key) {
        List<String> columns = rows.names();
        if (postgres) {
            return new InsertIgnore<>(rows.statement(insertIgnore(table, columns, key)), null);
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")";
        return new InsertIgnore<>(rows.statement(insert), rows.statement(insertIgnore(table, columns, key)));
    }

    private Map<String, String> columnTypes(String table) {
        Map<String, String> types = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getColumns(null, null, table.toUpperCase(Locale.ROOT), null)) {
                while (rs.next()) {
                    // character types without their length: CAST(:v AS VARCHAR(128)) would silently
                    // truncate a longer value, which the column itself rejects ("Value too long")
                    types.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getString("TYPE_NAME"));
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot read the columns of table " + table, ex);
        }
        return types;
    }
}
