package io.waymark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Named SQL bound positionally from a column table. */
class SqlColumnsTest {

    private record Row(String name, Integer count, Instant at) {
    }

    private record Wider(Row row, Long extra) {
    }

    private static final SqlColumns<Row> COLUMNS = new SqlColumns<Row>()
        .text("name", Row::name)
        .integer("count", Row::count)
        .timestamp("at", Row::at);

    @Test
    void eachNamedParameterBecomesAPositionalOneAsOftenAsItAppears() {
        SqlColumns.Statement<Row> statement = COLUMNS.statement(
                "UPDATE t SET count = :count, note = 'a:b' WHERE name = :name AND (count IS NULL OR count < :count)"
                        + " AND x::text = :name");

        assertThat(statement.sql()).isEqualTo(
                "UPDATE t SET count = ?, note = 'a:b' WHERE name = ? AND (count IS NULL OR count < ?) AND x::text = ?");
    }

    @Test
    void aNameThatIsNoColumnFailsAtOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> COLUMNS.statement("SELECT :nothing"))
            .withMessageContaining("'nothing'");
    }

    @Test
    void rowsAreBoundByTypeNullsIncludedAndAWiderRowAddsItsOwnColumns() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:sql-columns-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE t (name VARCHAR(16), count INTEGER, at TIMESTAMP WITH TIME ZONE, extra BIGINT)");
        SqlColumns.Statement<Wider> insert = COLUMNS.<Wider>of(Wider::row)
            .bigint("extra", Wider::extra)
            .statement("INSERT INTO t (name, count, at, extra) VALUES (:name, :count, :at, :extra)");
        Instant at = Instant.parse("2024-06-10T15:01:00.250Z");

        int[] counts = insert.batch(jdbc, List.of(new Wider(new Row("a", 3, at), 7L), new Wider(new Row(null, null, null), null)));

        assertThat(counts).containsExactly(1, 1);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT name, count, extra FROM t ORDER BY name NULLS LAST");
        assertThat(rows).extracting(r -> r.get("NAME"), r -> r.get("COUNT"), r -> r.get("EXTRA"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 3, 7L),
                    org.assertj.core.groups.Tuple.tuple(null, null, null));
        assertThat(jdbc.query("SELECT at FROM t WHERE name = 'a'", (rs, i) -> SqlTime.instant(rs, 1))).containsExactly(at);
    }
}
