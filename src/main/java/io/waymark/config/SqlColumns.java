package io.waymark.config;

import java.sql.Types;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * One table of columns: each column's name, SQL type and how to read its value from a row
 * object. Statements bind by name ({@code :lat}) from it, so a column and its value are written
 * side by side once, not as the 14th of 22 positional parameters. The SQL type is given so that
 * a null binds without the driver being asked for parameter metadata (a round trip on PostgreSQL).
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

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** The rows as parameter sources for {@code NamedParameterJdbcTemplate.batchUpdate}. */
    public SqlParameterSource[] sources(Collection<? extends T> rows) {
        return rows.stream().map(this::source).toArray(SqlParameterSource[]::new);
    }

    public SqlParameterSource source(T row) {
        return new RowSource<>(columns, row);
    }

    private record Column<T>(int sqlType, Function<? super T, ?> value) {
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
