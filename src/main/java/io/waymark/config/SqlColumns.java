package io.waymark.config;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * One table of columns: each column's name, SQL type and how to read its value from a row
 * object. Statements bind by name ({@code :lat}) from it, so a column and its value are written
 * side by side once, not as the 14th of 22 positional parameters. The SQL type is given so that
 * a null binds without the driver being asked for parameter metadata (a round trip on PostgreSQL).
 * <p>
 * On the hot path a statement is bound positionally instead ({@link #statement}): the same named
 * SQL, turned into {@code ?} parameters once, each bound straight from the row with its type's
 * setter, without the {@code SqlParameterValue} and the SQL parsing per row of
 * {@code NamedParameterJdbcTemplate} (a third of the ingest writer's allocation).
 *
 * @param <T> the row object
 */
public final class SqlColumns<T> {

    private final Map<String, Column<T>> columns = new LinkedHashMap<>();

    public SqlColumns<T> add(String name, int sqlType, Function<? super T, ?> value) {
        columns.put(name, new Column<>(sqlType, value));
        return this;
    }

    public SqlColumns<T> text(String name, Function<? super T, String> value) {
        return add(name, Types.VARCHAR, value);
    }

    public SqlColumns<T> integer(String name, Function<? super T, Integer> value) {
        return add(name, Types.INTEGER, value);
    }

    public SqlColumns<T> bigint(String name, Function<? super T, Long> value) {
        return add(name, Types.BIGINT, value);
    }

    public SqlColumns<T> decimal(String name, Function<? super T, Double> value) {
        return add(name, Types.DOUBLE, value);
    }

    public SqlColumns<T> timestamp(String name, Function<? super T, java.time.Instant> value) {
        return add(name, Types.TIMESTAMP, row -> SqlTime.timestamp(value.apply(row)));
    }

    /**
     * These columns for a row of another type, which holds a {@code T}: a statement with
     * parameters beyond this table's reads them from the wider row.
     */
    public <R> SqlColumns<R> of(Function<? super R, ? extends T> part) {
        SqlColumns<R> wider = new SqlColumns<>();
        columns.forEach((name, column) -> wider.add(name, column.sqlType(), row -> column.value().apply(part.apply(row))));
        return wider;
    }

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** The rows as parameter sources for {@code NamedParameterJdbcTemplate.batchUpdate}. */
    public SqlParameterSource[] sources(Collection<? extends T> rows) {
        return rows.stream().map(this::source).toArray(SqlParameterSource[]::new);
    }

    /**
     * Those of {@code rows} whose statement changed a row, from the counts a batch update of them
     * returned (in the same order): what an {@code UPDATE … WHERE} guard let through.
     */
    public static <R> List<R> changed(List<R> rows, int[] counts) {
        List<R> changed = new ArrayList<>(rows.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                changed.add(rows.get(i));
            }
        }
        return changed;
    }

    public SqlParameterSource source(T row) {
        return new RowSource<>(columns, row);
    }

    /**
     * {@code namedSql} with each {@code :name} (one of these columns, as often as it appears) made
     * a positional parameter; unknown names fail here, at startup, not at the first row.
     */
    public Statement<T> statement(String namedSql) {
        StringBuilder sql = new StringBuilder(namedSql.length());
        List<Column<T>> parameters = new ArrayList<>();
        int i = 0;
        while (i < namedSql.length()) {
            char c = namedSql.charAt(i);
            int end = i + 1;
            if (c == ':' && end < namedSql.length() && namedSql.charAt(end) == ':') {
                end++; // a PostgreSQL cast (::type), not a parameter
            }
            else if (c == ':') {
                while (end < namedSql.length() && (Character.isLetterOrDigit(namedSql.charAt(end)) || namedSql.charAt(end) == '_')) {
                    end++;
                }
                String name = namedSql.substring(i + 1, end);
                Column<T> column = columns.get(name);
                if (column == null) {
                    throw new IllegalArgumentException("No column '" + name + "' for parameter :" + name + " in " + namedSql);
                }
                parameters.add(column);
                sql.append('?');
                i = end;
                continue;
            }
            else if (c == '\'') {
                end = namedSql.indexOf('\'', end) + 1; // a literal: copied as it is
                if (end == 0) {
                    throw new IllegalArgumentException("Unterminated literal in " + namedSql);
                }
            }
            sql.append(namedSql, i, end);
            i = end;
        }
        return new Statement<>(sql.toString(), List.copyOf(parameters));
    }

    /** A statement with positional parameters, each bound from a row by its column. */
    public static final class Statement<T> {

        private final String sql;

        private final List<Column<T>> parameters;

        private Statement(String sql, List<Column<T>> parameters) {
            this.sql = sql;
            this.parameters = parameters;
        }

        public String sql() {
            return sql;
        }

        /** Runs the statement once per row, as one JDBC batch; the update count of each. */
        public int[] batch(JdbcOperations jdbc, List<? extends T> rows) {
            return jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    bind(ps, rows.get(i));
                }

                @Override
                public int getBatchSize() {
                    return rows.size();
                }
            });
        }

        void bind(PreparedStatement ps, T row) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).bind(ps, i + 1, row);
            }
        }
    }

    private record Column<T>(int sqlType, Function<? super T, ?> value) {

        /** The setter of the column's type; a null with its type (PostgreSQL will not guess one). */
        void bind(PreparedStatement ps, int index, T row) throws SQLException {
            Object v = value.apply(row);
            if (v == null) {
                ps.setNull(index, sqlType);
                return;
            }
            switch (sqlType) {
                case Types.VARCHAR -> ps.setString(index, (String) v);
                case Types.INTEGER -> ps.setInt(index, ((Number) v).intValue());
                case Types.BIGINT -> ps.setLong(index, ((Number) v).longValue());
                case Types.DOUBLE -> ps.setDouble(index, ((Number) v).doubleValue());
                case Types.TIMESTAMP -> ps.setTimestamp(index, (Timestamp) v);
                default -> ps.setObject(index, v, sqlType);
            }
        }
    }

    /** Reads each value from the row when the statement asks for it: no map per row. */
    private static final class RowSource<T> extends AbstractSqlParameterSource {

        private final Map<String, Column<T>> columns;

        private final T row;

        RowSource(Map<String, Column<T>> columns, T row) {
            this.columns = columns;
            this.row = row;
        }

        @Override
        public boolean hasValue(String paramName) {
            return columns.containsKey(paramName);
        }

        @Override
        public Object getValue(String paramName) {
            Column<T> column = columns.get(paramName);
            if (column == null) {
                throw new IllegalArgumentException("No column '" + paramName + "'");
            }
            return column.value().apply(row);
        }

        @Override
        public int getSqlType(String paramName) {
            Column<T> column = columns.get(paramName);
            return column == null ? TYPE_UNKNOWN : column.sqlType();
        }
    }
}
